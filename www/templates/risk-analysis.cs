<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.ra.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.ra.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("risk_analysis") ?>
<div>
<h1><?cs var:Lang.ra.title ?></h1>
<?cs call:ra_steps("summary") ?>
<p class="muted"><?cs var:Lang.ra.intro ?></p>
<section class="card" id="ra-progress" aria-labelledby="ra-progress-title"><h2 id="ra-progress-title"><?cs var:Lang.ra.summary.progress ?></h2>
<ul class="plain-list">
<li><a href="<?cs var:RA.base ?>/business-assets"><?cs var:Lang.ra.business_asset.title ?></a> <span class="badge"><?cs var:RA.counts.business_asset ?></span></li>
<li><a href="<?cs var:RA.base ?>/supporting-assets"><?cs var:Lang.ra.supporting_asset.title ?></a> <span class="badge"><?cs var:RA.counts.supporting_asset ?></span></li>
<li><a href="<?cs var:RA.base ?>/threat-sources"><?cs var:Lang.ra.threat_source.title ?></a> <span class="badge"><?cs var:RA.counts.threat_source ?></span></li>
<li><a href="<?cs var:RA.base ?>/scenarios"><?cs var:Lang.ra.scenario.title ?></a> <span class="badge"><?cs var:RA.counts.scenario ?></span> <span class="small muted">(<?cs each:s = Lang.enums.ra_status ?><?cs if:name(s) != "draft" ?>, <?cs /if ?><?cs var:s ?> <?cs var:RA.counts[name(s)] ?><?cs /each ?>)</span></li>
</ul>
<?cs if:RA.counts.business_asset == 0 ?><p><a class="button" href="<?cs var:RA.base ?>/business-assets"><?cs var:Lang.ra.summary.start ?></a></p><?cs /if ?>
</section>
<section class="card" id="ra-retained" aria-labelledby="ra-retained-title"><h2 id="ra-retained-title"><?cs var:Lang.ra.summary.retained ?></h2>
<?cs if:subcount(Retained) == 0 ?><div class="empty"><p><?cs var:Lang.ra.summary.none_retained ?></p>
<p><a class="button secondary" href="<?cs var:RA.base ?>/scenarios"><?cs var:Lang.ra.scenario.title ?></a></p></div>
<?cs else ?>
<div class="table-wrap"><table>
<caption class="visually-hidden"><?cs var:Lang.ra.summary.retained ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.ra.scenario.name ?></th><th scope="col"><?cs var:Lang.risks.score ?></th><th scope="col"><?cs var:Lang.ra.scenario.risk ?></th><th scope="col"><?cs var:Lang.ra.summary.risk_score ?></th><th scope="col"><?cs var:Lang.risks.status ?></th></tr></thead>
<tbody><?cs each:r = Retained ?><tr><td><a href="/scenarios/<?cs var:r.id ?>"><?cs var:r.title ?></a><br><span class="small muted"><?cs var:r.threat_source_name ?> → <?cs var:r.business_asset_name ?></span></td>
<td><?cs call:risk_badge(r.score, r.level) ?></td>
<?cs if:r.risk.id ?><td><a href="/risks/<?cs var:r.risk.id ?>"><?cs var:r.risk.title ?></a><?cs if:r.risk_differs == "1" ?> <span class="badge badge-warn"><?cs var:Lang.ra.scenario.differs_short ?></span><?cs /if ?></td>
<td><?cs call:risk_badge(r.risk.score, r.risk.level) ?></td><td><?cs var:Lang.enums.risk_status[r.risk.status] ?></td>
<?cs else ?><td colspan="3" class="muted"><?cs var:Lang.ra.summary.risk_gone ?></td><?cs /if ?></tr><?cs /each ?></tbody>
</table></div>
<?cs call:pager(RA.base) ?>
<?cs /if ?></section>
</div></div>
<?cs call:page_close() ?>
