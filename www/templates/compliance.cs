<?cs include:"layout.cs" ?>
<?cs call:page_open(Framework.name) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Framework.name ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<h1><?cs var:Framework.name ?></h1>
<p><?cs call:progress(Framework.compliance_pct, Lang.pilot.compliance) ?> · <?cs var:Framework.assessed ?> / <?cs var:Framework.total ?> <?cs var:Lang.pilot.assessed ?></p>
<p class="muted small"><?cs var:Lang.pilot.rule ?></p>
<p><a class="button secondary" href="/clients/<?cs var:Client.id ?>/compliance.csv?framework_id=<?cs var:Filter.framework_id ?>"><?cs var:Lang.pilot.export_csv ?></a>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/compliance.xlsx?framework_id=<?cs var:Filter.framework_id ?>" download><?cs var:Lang.export.xlsx ?></a>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Filter.framework_id ?>/soa" id="link-soa"><?cs var:Lang.deliv.soa ?></a>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Filter.framework_id ?>/cycles" id="link-cycles"><?cs var:Lang.deliv.cycles ?> (<?cs var:Lang.deliv.cycle ?> <?cs var:Framework.cycle ?>)</a></p>
<form method="get" action="/clients/<?cs var:Client.id ?>/compliance" class="filters">
<input type="hidden" name="framework_id" value="<?cs var:Filter.framework_id ?>">
<?cs call:enum_select("status", Lang.pilot.status, Lang.pilot.statuses, Filter.status, Lang.clients.any) ?>
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs call:error_summary() ?>
<?cs if:Compliance.count == 0 ?><div class="empty"><p><?cs var:Lang.pilot.no_items ?></p></div><?cs else ?>
<?cs uvar:Compliance.rows ?>
<?cs call:pager("/clients/" + Client.id + "/compliance") ?>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
