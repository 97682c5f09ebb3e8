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
<?cs if:subcount(Items) == 0 ?><div class="empty"><p><?cs var:Lang.pilot.no_items ?></p></div><?cs else ?>
<?cs set:group = "" ?>
<?cs each:i = Items ?>
<?cs if:i.group_ref != group ?><?cs set:group = i.group_ref ?><h2 class="req-group"><?cs var:i.group_ref ?> · <?cs var:i.group_title ?></h2><?cs /if ?>
<form method="post" action="/clients/<?cs var:Client.id ?>/compliance/<?cs var:i.requirement_id ?>" class="card assess" id="req-<?cs var:i.requirement_id ?>">
<?cs call:csrf() ?><input type="hidden" name="framework_id" value="<?cs var:Filter.framework_id ?>"><input type="hidden" name="page" value="<?cs var:Pager.page ?>"><input type="hidden" name="cycle" value="<?cs var:Framework.cycle ?>">
<p><strong><?cs var:i.ref ?></strong> <?cs var:i.title ?> <span class="badge status-<?cs var:i.status ?>"><?cs var:Lang.pilot.statuses[i.status] ?></span></p>
<div class="assess-fields">
<div class="field"><label for="s-<?cs var:i.requirement_id ?>"><?cs var:Lang.pilot.status ?></label>
<select id="s-<?cs var:i.requirement_id ?>" name="status"><?cs each:o = Lang.pilot.statuses ?><option value="<?cs name:o ?>"<?cs if:i.status == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option><?cs /each ?></select></div>
<div class="field"><label for="c-<?cs var:i.requirement_id ?>"><?cs var:Lang.pilot.comment ?></label>
<textarea id="c-<?cs var:i.requirement_id ?>" name="comment" rows="2"><?cs var:i.comment ?></textarea></div>
<div class="field"><label for="a-<?cs var:i.requirement_id ?>"><?cs var:Lang.deliv.applicable ?></label>
<input type="hidden" name="applicable_was" value="<?cs var:i.applicable ?>"><select id="a-<?cs var:i.requirement_id ?>" name="applicable"><option value="1"<?cs if:i.applicable == "1" ?> selected<?cs /if ?>><?cs var:Lang.deliv.yes ?></option><option value="0"<?cs if:i.applicable != "1" ?> selected<?cs /if ?>><?cs var:Lang.deliv.no ?></option></select></div>
<div class="field"><label for="j-<?cs var:i.requirement_id ?>"><?cs var:Lang.deliv.justification ?></label>
<textarea id="j-<?cs var:i.requirement_id ?>" name="justification" rows="2"><?cs var:i.justification ?></textarea></div>
</div>
<p class="links small"><span class="muted"><?cs var:Lang.pilot.evidence ?></span> <?cs if:subcount(i.resources) == 0 ?><span class="muted">—</span><?cs /if ?><?cs each:d = i.resources ?><a href="/resources/<?cs var:d.id ?>"><?cs var:d.title ?></a> <?cs call:resource_status_badge(d.status) ?><?cs if:!last(d) ?>, <?cs /if ?><?cs /each ?>
· <a href="/clients/<?cs var:Client.id ?>/resources/new?requirement_id=<?cs var:i.requirement_id ?>"><?cs var:Lang.pilot.add_evidence ?></a><br>
<span class="muted"><?cs var:Lang.pilot.linked_actions ?></span> <?cs if:subcount(i.actions) == 0 ?><span class="muted">—</span><?cs /if ?><?cs each:a = i.actions ?><a href="/actions/<?cs var:a.id ?>"><?cs var:a.title ?></a> <span class="badge action-<?cs var:a.status ?>"><?cs var:Lang.enums.action_status[a.status] ?></span><?cs if:!last(a) ?>, <?cs /if ?><?cs /each ?></p>
<?cs if:Form.error.requirement == i.requirement_id ?><p class="field-error"><?cs alt:Lang.errors[Form.error.code] ?><?cs var:Lang.errors.invalid ?><?cs /alt ?></p><?cs /if ?>
<p><button type="submit" class="button secondary"><?cs var:Lang.pilot.save ?></button></p>
</form>
<?cs /each ?>
<?cs call:pager("/clients/" + Client.id + "/compliance") ?>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
