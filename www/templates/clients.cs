<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.clients.title) ?>
<div class="page-head"><h1><?cs var:Lang.clients.title ?></h1>
<?cs if:Page.may_create ?><a class="button" href="/clients/new"><?cs var:Lang.clients.new ?></a><?cs /if ?></div>
<?cs if:Page.full ?>
<form method="get" action="/clients" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.clients.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("mission_type", Lang.clients.mission_type, Lang.enums.mission_type, Filter.mission_type, Lang.clients.any) ?>
<?cs call:enum_select("plan", Lang.clients.plan, Lang.enums.plan, Filter.plan, Lang.clients.any) ?>
<?cs call:enum_select("status", Lang.clients.status, Lang.enums.client_status, Filter.status, Lang.clients.any) ?>
<?cs call:enum_select("billing_mode", Lang.clients.billing_mode, Lang.enums.billing_mode, Filter.billing_mode, Lang.clients.any) ?>
<input type="hidden" name="sort" value="<?cs var:Sort.key ?>"><input type="hidden" name="dir" value="<?cs var:Sort.dir ?>">
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs /if ?>
<?cs if:Clients.count == 0 ?>
<div class="empty"><?cs if:Filter.any ?><p><?cs var:Lang.clients.none_found ?></p><?cs else ?><p><?cs var:Lang.clients.empty ?></p>
<p><?cs if:Page.may_create ?><?cs var:Lang.clients.empty_create ?><?cs else ?><?cs var:Lang.clients.empty_wait ?><?cs /if ?></p><?cs /if ?></div>
<?cs else ?>
<div class="table-wrap"><table id="clients-table">
<caption class="visually-hidden"><?cs var:Lang.clients.title ?></caption>
<?cs if:Page.full ?>
<thead><tr><?cs call:sort_header(Lang.clients.name, "name", "/clients") ?><?cs call:sort_header(Lang.clients.mission_type, "mission_type", "/clients") ?><?cs call:sort_header(Lang.clients.plan, "plan", "/clients") ?><?cs call:sort_header(Lang.clients.status, "status", "/clients") ?><th scope="col"><?cs var:Lang.clients.billing_mode ?></th><th scope="col"><?cs var:Lang.clients.establishments_count ?></th><th scope="col"><?cs var:Lang.clients.open_actions ?></th><th scope="col"><?cs var:Lang.clients.compliance ?></th></tr></thead><?cs # The rows: app/ui-clients.c (client_rows), escaped as var: escapes. ?>
<tbody><?cs uvar:Clients.rows ?></tbody>
<?cs else ?>
<thead><tr><th scope="col"><?cs var:Lang.clients.name ?></th></tr></thead>
<tbody><?cs uvar:Clients.rows ?></tbody>
<?cs /if ?>
</table></div>
<?cs call:pager("/clients") ?>
<?cs /if ?>
<?cs if:User.role == "admin" ?>
<form method="post" action="/clients/import" enctype="multipart/form-data" id="client-import-form" class="card">
<?cs call:csrf() ?>
<h2><?cs var:Lang.archive.import ?></h2>
<p class="small muted"><?cs var:Lang.archive.import_help ?></p>
<div class="field"><label for="f-archive"><?cs var:Lang.archive.file ?></label>
<input id="f-archive" name="file" type="file" accept=".zip,application/zip" required></div>
<p><button type="submit" class="button secondary"><?cs var:Lang.archive.import ?></button></p>
</form>
<?cs /if ?>
<?cs call:page_close() ?>
