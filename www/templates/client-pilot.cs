<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.clients.pilot_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.clients.pilot ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<h1><?cs var:Lang.clients.pilot_title ?> · <?cs var:Client.name ?></h1>
<p class="lead"><?cs var:Lang.clients.pilot_lead ?></p>
<section class="card"><h2><?cs var:Lang.clients.pilot_frameworks ?></h2>
<div class="empty"><p><?cs var:Lang.clients.pilot_frameworks_empty ?></p></div></section>
<section class="card"><h2><?cs var:Lang.clients.pilot_actions ?></h2>
<dl><dt><?cs var:Lang.clients.pilot_open ?></dt><dd>0</dd><dt><?cs var:Lang.clients.pilot_done ?></dt><dd>0</dd><dt><?cs var:Lang.clients.pilot_overdue ?></dt><dd>0</dd></dl></section>
<section class="card"><h2><?cs var:Lang.clients.pilot_modules ?></h2>
<?cs if:subcount(Edit.modules) == 0 ?><p class="muted"><?cs var:Lang.clients.pilot_no_modules ?></p><?cs else ?><ul><?cs each:m = Edit.modules ?><li><?cs var:Lang.enums.module[name(m)] ?></li><?cs /each ?></ul><?cs /if ?></section>
<section class="card"><h2><?cs var:Lang.clients.pilot_activity ?></h2>
<?cs if:subcount(Activity) == 0 ?><p class="muted"><?cs var:Lang.clients.pilot_activity_empty ?></p><?cs else ?>
<ul><?cs each:a = Activity ?><li><time datetime="<?cs var:a.at ?>"><?cs var:a.at_text ?></time> — <?cs alt:Lang.audit[a.action] ?><?cs var:a.action ?><?cs /alt ?></li><?cs /each ?></ul><?cs /if ?></section>
</div></div>
<?cs call:page_close() ?>
