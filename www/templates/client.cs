<?cs include:"layout.cs" ?>
<?cs call:page_open(Client.name) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <span aria-current="page"><?cs var:Client.name ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("settings") ?>
<div>
<div class="page-head"><h1><?cs var:Client.name ?></h1>
<?cs if:Edit.full ?><p class="actions"><?cs call:plan_badge(Edit.plan) ?> <?cs call:client_status_badge(Edit.status) ?></p><?cs /if ?></div>
<?cs call:error_summary() ?>
<?cs if:!Edit.full ?>
<p class="notice"><?cs var:Lang.clients.name_only ?></p>
<p><a class="button" href="/clients/<?cs var:Client.id ?>/establishments"><?cs var:Lang.clients.establishments ?></a></p>
<?cs else ?>
<?cs if:Page.may_edit ?>
<form method="post" action="/clients/<?cs var:Client.id ?>" class="card" novalidate>
<h2><?cs var:Lang.clients.settings ?></h2>
<?cs call:csrf() ?>
<?cs call:text_field("name", Lang.clients.name, Edit.name, "text", "organization", 1) ?>
<?cs call:enum_select("status", Lang.clients.status, Lang.enums.client_status, Edit.status, "") ?>
<fieldset class="field<?cs if:Form.error.field == "modules" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.clients.modules ?></legend>
<input type="hidden" name="modules_present" value="1">
<?cs each:m = Lang.enums.module ?><label class="choice"><input type="checkbox" name="modules" value="<?cs name:m ?>"<?cs if:Edit.modules[name(m)] ?> checked<?cs /if ?>> <?cs var:m ?></label><?cs /each ?>
<?cs call:field_error("modules") ?></fieldset>
<p><button type="submit" class="button"><?cs var:Lang.clients.save ?></button></p>
</form>
<?cs else ?>
<section class="card"><h2><?cs var:Lang.clients.settings ?></h2><dl>
<dt><?cs var:Lang.clients.status ?></dt><dd><?cs call:client_status_badge(Edit.status) ?></dd>
<dt><?cs var:Lang.clients.modules ?></dt><dd><?cs each:m = Edit.modules ?><?cs var:Lang.enums.module[name(m)] ?> <?cs /each ?><?cs if:subcount(Edit.modules) == 0 ?>—<?cs /if ?></dd>
</dl></section>
<?cs /if ?>
<section class="card" id="client-logo"><h2><?cs var:Lang.brand.client_logo ?></h2>
<?cs if:Brand.client_logo ?><p><img class="brand-logo" src="/clients/<?cs var:Client.id ?>/logo" alt="<?cs var:Client.name ?>"></p><?cs else ?><p class="muted"><?cs var:Lang.brand.no_logo ?></p><?cs /if ?>
<?cs if:Page.may_edit ?><?cs if:Brand.client_logo ?><form method="post" action="/clients/<?cs var:Client.id ?>/logo/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary"><?cs var:Lang.brand.delete_logo ?></button></form><?cs /if ?>
<form method="post" action="/clients/<?cs var:Client.id ?>/logo" enctype="multipart/form-data" novalidate>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "logo" ?> has-error<?cs /if ?>"><label for="f-logo"><?cs var:Lang.brand.logo_file ?></label>
<input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg"<?cs if:Form.error.field == "logo" ?> aria-invalid="true" aria-describedby="err-logo"<?cs /if ?>>
<?cs call:field_error("logo") ?></div>
<p class="muted small"><?cs var:Lang.brand.logo_help ?></p>
<p><button type="submit" class="button secondary"><?cs var:Lang.brand.upload ?></button></p>
</form><?cs /if ?></section>
<section class="card"><h2><?cs var:Lang.clients.plan_title ?></h2>
<dl><dt><?cs var:Lang.clients.mission_type ?></dt><dd><?cs var:Lang.enums.mission_type[Edit.mission_type] ?></dd>
<dt><?cs var:Lang.clients.plan ?></dt><dd><?cs call:plan_badge(Edit.plan) ?></dd></dl>
<?cs if:Page.may_plan ?>
<form method="post" action="/clients/<?cs var:Client.id ?>/plan" novalidate>
<?cs call:csrf() ?>
<p class="muted small"><?cs var:Lang.clients.plan_help ?></p>
<?cs call:enum_select("mission_type", Lang.clients.mission_type, Lang.enums.mission_type, Edit.mission_type, "") ?>
<?cs call:enum_select("plan", Lang.clients.plan, Lang.enums.plan, Edit.plan, "") ?>
<p><button type="submit" class="button secondary"><?cs var:Lang.clients.change_plan ?></button></p>
</form>
<?cs /if ?>
</section>
<section class="card"><h2><?cs var:Lang.clients.billing_mode ?></h2>
<dl><dt><?cs var:Lang.clients.billing_mode ?></dt><dd><?cs var:Lang.enums.billing_mode[Edit.billing_mode] ?></dd>
<?cs if:Edit.billing_email ?><dt><?cs var:Lang.clients.billing_email ?></dt><dd><?cs var:Edit.billing_email ?></dd><?cs /if ?></dl>
<p class="muted small"><?cs var:Lang.clients.billing_readonly ?></p>
<?cs if:Page.history ?><h3><?cs var:Lang.admin.history ?></h3>
<?cs call:billing_history(History) ?><?cs /if ?>
</section>
<section class="card"><h2><?cs var:Lang.clients.team ?></h2>
<p class="muted small"><?cs var:Lang.clients.team_help ?></p>
<?cs if:Page.may_staff ?>
<form method="post" action="/clients/<?cs var:Client.id ?>/vcisos">
<?cs call:csrf() ?>
<fieldset class="field<?cs if:Form.error.field == "user_ids" ?> has-error<?cs /if ?>"><legend class="visually-hidden"><?cs var:Lang.clients.team ?></legend>
<input type="hidden" name="user_ids_present" value="1">
<?cs each:t = Team.choices ?><label class="choice"><input type="checkbox" name="user_ids" value="<?cs var:t.id ?>"<?cs if:t.on ?> checked<?cs /if ?>> <?cs var:t.name ?> <?cs if:t.self ?><?cs var:Lang.clients.you ?><?cs else ?><span class="muted small">(<?cs var:Lang.roles[t.role] ?>)</span><?cs /if ?></label><?cs /each ?>
<?cs call:field_error("user_ids") ?></fieldset>
<?cs if:Team.more ?><p class="muted small" id="team-more"><?cs var:Lang.clients.team_more ?></p><?cs /if ?>
<?cs if:subcount(Team.kept) > 0 ?><p class="small"><?cs var:Lang.clients.team_kept ?> <?cs each:k = Team.kept ?><?cs var:k ?><?cs if:!last(k) ?>, <?cs /if ?><?cs /each ?></p><?cs /if ?>
<p><button type="submit" class="button secondary"><?cs var:Lang.clients.save_team ?></button></p>
</form>
<?cs else ?>
<ul><?cs each:t = Team.members ?><li><?cs var:t.name ?> <span class="muted small">(<?cs var:Lang.roles[t.role] ?>)</span></li><?cs /each ?></ul>
<?cs if:subcount(Team.members) == 0 ?><p class="muted">—</p><?cs /if ?>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs if:User.role == "admin" ?>
<section class="card" aria-labelledby="archive-title"><h2 id="archive-title"><?cs var:Lang.archive.title ?></h2>
<p class="small muted"><?cs var:Lang.archive.export_help ?></p>
<p><a class="button secondary" id="client-archive" href="/clients/<?cs var:Client.id ?>/archive" download><?cs var:Lang.archive.export ?></a></p>
</section>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
