<?cs include:"layout.cs" ?>
<?cs set:heading = Lang.ra[Kind.key].title ?>
<?cs call:page_open(heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="<?cs var:RA.base ?>"><?cs var:Lang.ra.title ?></a> › <span aria-current="page"><?cs var:heading ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("risk_analysis") ?>
<div>
<h1><?cs var:heading ?></h1>
<?cs call:ra_steps(Kind.key) ?>
<p class="muted"><?cs var:Lang.ra[Kind.key].intro ?></p>
<?cs if:Kind.key == "scenario" ?><form method="get" action="<?cs var:Page.base ?>" class="filters" role="search">
<?cs call:enum_select("status", Lang.ra.scenario.status, Lang.enums.ra_status, Filter.status, Lang.clients.any) ?>
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form><?cs /if ?>
<?cs if:subcount(Items) == 0 ?>
<div class="empty" id="ra-empty"><p><?cs if:Filter.status ?><?cs var:Lang.ra.none_found ?><?cs else ?><?cs var:Lang.ra[Kind.key].empty ?><?cs /if ?></p>
<?cs if:!Filter.status ?><p><a class="button" href="#ra-new"><?cs var:Lang.ra[Kind.key].new ?></a></p><?cs /if ?></div>
<?cs else ?>
<div class="table-wrap"><table id="ra-items">
<caption class="visually-hidden"><?cs var:heading ?></caption>
<?cs if:Kind.key == "business_asset" ?>
<thead><tr><th scope="col"><?cs var:Lang.ra.name ?></th><th scope="col"><?cs var:Lang.ra.business_asset.owner ?></th><th scope="col"><?cs var:Lang.ra.supporting_asset.title ?></th><th scope="col"><?cs var:Lang.ra.scenario_count ?></th></tr></thead>
<tbody><?cs each:r = Items ?><tr><td><a href="/business-assets/<?cs var:r.id ?>"><?cs var:r.name ?></a></td><td><?cs if:r.owner ?><?cs var:r.owner ?><?cs else ?>—<?cs /if ?></td><td><?cs call:ra_names(r.supporting_asset_ids, Names.supporting_asset) ?></td><td><?cs var:r.scenario_count ?></td></tr><?cs /each ?></tbody>
<?cs elif:Kind.key == "supporting_asset" ?>
<thead><tr><th scope="col"><?cs var:Lang.ra.name ?></th><th scope="col"><?cs var:Lang.ra.supporting_asset.type ?></th><th scope="col"><?cs var:Lang.ra.supporting_asset.serves ?></th><th scope="col"><?cs var:Lang.ra.scenario_count ?></th></tr></thead>
<tbody><?cs each:r = Items ?><tr><td><a href="/supporting-assets/<?cs var:r.id ?>"><?cs var:r.name ?></a></td><td><?cs var:Lang.enums.ra_support_type[r.type] ?></td><td><?cs call:ra_names(r.business_asset_ids, Names.business_asset) ?></td><td><?cs var:r.scenario_count ?></td></tr><?cs /each ?></tbody>
<?cs elif:Kind.key == "threat_source" ?>
<thead><tr><th scope="col"><?cs var:Lang.ra.name ?></th><th scope="col"><?cs var:Lang.ra.threat_source.resources ?></th><th scope="col"><?cs var:Lang.ra.threat_source.motivation ?></th><th scope="col"><?cs var:Lang.ra.scenario_count ?></th></tr></thead>
<tbody><?cs each:r = Items ?><tr><td><a href="/threat-sources/<?cs var:r.id ?>"><?cs var:r.name ?></a></td><td><?cs var:Lang.enums.ra_resources[r.resources] ?></td><td class="small"><?cs if:r.motivation ?><?cs var:r.motivation ?><?cs else ?>—<?cs /if ?></td><td><?cs var:r.scenario_count ?></td></tr><?cs /each ?></tbody>
<?cs else ?>
<thead><tr><th scope="col"><?cs var:Lang.ra.scenario.name ?></th><th scope="col"><?cs var:Lang.risks.score ?></th><th scope="col"><?cs var:Lang.ra.scenario.status ?></th><th scope="col"><?cs var:Lang.ra.scenario.risk ?></th></tr></thead>
<tbody><?cs each:r = Items ?><tr><td><a href="/scenarios/<?cs var:r.id ?>"><?cs var:r.title ?></a><br><span class="small muted"><?cs var:r.threat_source_name ?> → <?cs var:r.business_asset_name ?></span></td>
<td><?cs call:risk_badge(r.score, r.level) ?></td><td><?cs call:ra_status_badge(r.status) ?></td>
<td><?cs if:r.risk_id ?><a href="/risks/<?cs var:r.risk_id ?>"><?cs var:Lang.ra.scenario.open_risk ?></a><?cs if:r.risk_differs == "1" ?> <span class="badge badge-warn"><?cs var:Lang.ra.scenario.differs_short ?></span><?cs /if ?><?cs else ?><span class="muted">—</span><?cs /if ?></td></tr><?cs /each ?></tbody>
<?cs /if ?>
</table></div>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
<section class="card" id="ra-new" aria-labelledby="ra-new-title"><h2 id="ra-new-title"><?cs var:Lang.ra[Kind.key].new ?></h2>
<?cs if:Kind.key == "scenario" && (RA.counts.threat_source == 0 || RA.counts.business_asset == 0) ?>
<p class="notice" id="ra-needs"><?cs var:Lang.ra.scenario.needs ?> <a href="<?cs var:RA.base ?>/business-assets"><?cs var:Lang.ra.business_asset.title ?></a> · <a href="<?cs var:RA.base ?>/threat-sources"><?cs var:Lang.ra.threat_source.title ?></a></p>
<?cs else ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Form.action ?>" novalidate>
<?cs call:csrf() ?>
<?cs call:ra_fields(Kind.key) ?>
<p><button type="submit" class="button"><?cs var:Lang.ra.add ?></button></p>
</form>
<?cs /if ?></section>
<p class="ra-next"><?cs if:Kind.key == "business_asset" ?><a class="button secondary" href="<?cs var:RA.base ?>/supporting-assets"><?cs var:Lang.ra.next ?> <?cs var:Lang.ra.supporting_asset.step ?></a><?cs elif:Kind.key == "supporting_asset" ?><a class="button secondary" href="<?cs var:RA.base ?>/threat-sources"><?cs var:Lang.ra.next ?> <?cs var:Lang.ra.threat_source.step ?></a><?cs elif:Kind.key == "threat_source" ?><a class="button secondary" href="<?cs var:RA.base ?>/scenarios"><?cs var:Lang.ra.next ?> <?cs var:Lang.ra.scenario.step ?></a><?cs else ?><a class="button secondary" href="<?cs var:RA.base ?>"><?cs var:Lang.ra.next ?> <?cs var:Lang.ra.summary.step ?></a><?cs /if ?></p>
</div></div>
<?cs call:page_close() ?>
