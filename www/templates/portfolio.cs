<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.deliv.portfolio) ?>
<div class="page-head"><h1><?cs var:Lang.deliv.portfolio ?></h1>
<?cs if:Page.full ?><a class="button secondary" href="/portfolio.csv?sort=<?cs var:Sort.key ?>&amp;dir=<?cs var:Sort.dir ?><?cs var:Search.arg ?>"><?cs var:Lang.deliv.export_csv ?></a>
<a class="button secondary" href="/portfolio.xlsx?sort=<?cs var:Sort.key ?>&amp;dir=<?cs var:Sort.dir ?><?cs var:Search.arg ?>" download><?cs var:Lang.export.xlsx ?></a><?cs /if ?></div>
<p class="muted small"><?cs var:Lang.deliv.portfolio_lead ?></p>
<?cs if:Page.full ?>
<form method="get" action="/portfolio" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.clients.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("mission_type", Lang.clients.mission_type, Lang.enums.mission_type, Filter.mission_type, Lang.clients.any) ?>
<?cs call:enum_select("plan", Lang.clients.plan, Lang.enums.plan, Filter.plan, Lang.clients.any) ?>
<?cs call:enum_select("status", Lang.clients.status, Lang.enums.client_status, Filter.status, Lang.clients.any) ?>
<input type="hidden" name="sort" value="<?cs var:Sort.key ?>"><input type="hidden" name="dir" value="<?cs var:Sort.dir ?>">
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs /if ?>
<?cs if:subcount(Portfolio) == 0 ?>
<div class="empty" id="portfolio-empty"><?cs if:Filter.any ?><p><?cs var:Lang.clients.none_found ?></p><?cs else ?><p><?cs var:Lang.deliv.portfolio_empty ?></p><?cs /if ?></div>
<?cs else ?>
<p class="small muted"><?cs var:Page.total ?> <?cs var:Lang.deliv.clients_count ?></p>
<div class="table-wrap"><table id="portfolio-table">
<caption class="visually-hidden"><?cs var:Lang.deliv.portfolio ?></caption>
<?cs if:Page.full ?>
<thead><tr><?cs call:sort_header(Lang.clients.name, "name", "/portfolio") ?><?cs call:sort_header(Lang.clients.mission_type, "mission_type", "/portfolio") ?><?cs call:sort_header(Lang.clients.plan, "plan", "/portfolio") ?><?cs call:sort_header(Lang.clients.status, "status", "/portfolio") ?><?cs call:sort_header(Lang.deliv.last_activity, "last_activity", "/portfolio") ?><?cs call:sort_header(Lang.clients.compliance, "compliance", "/portfolio") ?><?cs call:sort_header(Lang.deliv.risks, "risks", "/portfolio") ?><?cs call:sort_header(Lang.deliv.open_actions, "open_actions", "/portfolio") ?><?cs call:sort_header(Lang.deliv.overdue, "overdue", "/portfolio") ?><th scope="col"><?cs var:Lang.deliv.exposure ?></th><th scope="col"><?cs var:Lang.deliv.usage ?></th></tr></thead>
<tbody><?cs each:c = Portfolio ?><tr>
<td><a href="/clients/<?cs var:c.id ?><?cs if:c.vciso == "1" ?>/pilot<?cs /if ?>"><?cs var:c.name ?></a></td>
<td><?cs var:Lang.enums.mission_type[c.mission_type] ?></td>
<td><?cs call:plan_badge(c.plan) ?></td>
<td><?cs call:client_status_badge(c.status) ?></td>
<td class="small"><?cs if:c.last_activity_at ?><?cs var:string.slice(c.last_activity_at, 0, 10) ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
<?cs if:c.vciso == "1" ?>
<td><?cs if:?c.figures.compliance_pct ?><?cs call:progress(c.figures.compliance_pct, Lang.clients.compliance) ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs if:subcount(c.figures.frameworks) > 1 ?><?cs each:f = c.figures.frameworks ?><br><span class="small"><?cs var:f.code ?>: <?cs if:?f.compliance_pct ?><?cs var:f.compliance_pct ?> %<?cs else ?>—<?cs /if ?></span><?cs /each ?><?cs /if ?></td>
<td class="small"><span class="badge heat-critical" title="<?cs var:Lang.risks.levels.critical ?>"><?cs var:c.figures.risks.critical ?></span> <span class="badge heat-high" title="<?cs var:Lang.risks.levels.high ?>"><?cs var:c.figures.risks.high ?></span> <span class="badge heat-medium" title="<?cs var:Lang.risks.levels.medium ?>"><?cs var:c.figures.risks.medium ?></span> <span class="badge heat-low" title="<?cs var:Lang.risks.levels.low ?>"><?cs var:c.figures.risks.low ?></span></td>
<td><?cs var:c.figures.actions.open ?></td>
<td><?cs if:c.figures.actions.overdue > 0 ?><span class="badge badge-bad"><?cs var:c.figures.actions.overdue ?></span><?cs else ?>0<?cs /if ?></td>
<td class="small"><?cs if:?c.figures.exposure.scanned ?><?cs var:c.figures.exposure.findings_by_severity.high ?> / <?cs var:c.figures.exposure.findings_by_severity.medium ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
<td><?cs if:?c.figures.usage.score ?><?cs var:c.figures.usage.score ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
<?cs else ?>
<td colspan="6" class="muted small"><?cs var:Lang.deliv.not_vciso ?></td>
<?cs /if ?>
</tr><?cs /each ?></tbody>
<?cs else ?>
<thead><tr><th scope="col"><?cs var:Lang.clients.name ?></th></tr></thead>
<tbody><?cs each:c = Portfolio ?><tr><td><a href="/clients/<?cs var:c.id ?>/establishments"><?cs var:c.name ?></a></td></tr><?cs /each ?></tbody>
<?cs /if ?>
</table></div>
<?cs if:Page.full ?><p class="small muted" id="portfolio-legend"><?cs var:Lang.deliv.risks ?> : <?cs var:Lang.deliv.risks_title ?>. <?cs var:Lang.deliv.exposure ?> : <?cs var:Lang.deliv.exposure_title ?>.</p><?cs /if ?>
<?cs call:pager("/portfolio") ?>
<?cs /if ?>
<?cs call:page_close() ?>
