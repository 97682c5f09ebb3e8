<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.estabs.new) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.estabs.title ?></a> › <span aria-current="page"><?cs var:Lang.estabs.new ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("establishments") ?>
<div>
<h1><?cs var:Lang.estabs.new ?></h1>
<p class="lead"><?cs var:Lang.estabs.new_lead ?></p>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Page.base ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs each:f = Fields ?><?cs call:text_field(f.key, Lang.fields[f.key], f.value, f.type, "off", f.required) ?>
<?cs /each ?>
<?cs if:Page.may_plan ?><?cs call:enum_select("plan", Lang.estabs.plan, Lang.enums.plan, Edit.plan, "") ?>
<p class="muted small"><?cs var:Lang.estabs.plan_default ?></p><?cs /if ?>
<p><button type="submit" class="button"><?cs var:Lang.estabs.create ?></button></p>
</form>
</div></div>
<?cs call:page_close() ?>
