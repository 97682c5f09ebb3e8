<?cs include:"layout.cs" ?>
<?cs if:Kind.key == "scenario" ?><?cs set:heading = Item.title ?><?cs else ?><?cs set:heading = Item.name ?><?cs /if ?>
<?cs call:page_open(heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="<?cs var:RA.base ?>"><?cs var:Lang.ra.title ?></a> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.ra[Kind.key].title ?></a> › <span aria-current="page"><?cs var:heading ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("risk_analysis") ?>
<div>
<h1><?cs var:heading ?></h1>
<?cs call:ra_steps(Kind.key) ?>
<?cs call:error_summary() ?>
<?cs if:Kind.key == "scenario" ?>
<section class="card" id="ra-decision" aria-labelledby="ra-decision-title"><h2 id="ra-decision-title"><?cs var:Lang.ra.scenario.decision ?></h2>
<p><?cs var:Item.threat_source_name ?> → <?cs var:Item.business_asset_name ?></p>
<p><?cs var:Lang.ra.scenario.status ?> <?cs call:ra_status_badge(Item.status) ?> · <?cs var:Lang.risks.score ?> <?cs call:risk_badge(Item.score, Item.level) ?></p>
<?cs if:Item.risk.id ?><p id="ra-risk"><?cs var:Lang.ra.scenario.its_risk ?> <a href="/risks/<?cs var:Item.risk.id ?>"><?cs var:Item.risk.title ?></a> <?cs call:risk_badge(Item.risk.score, Item.risk.level) ?> <?cs var:Lang.enums.risk_status[Item.risk.status] ?></p><?cs /if ?>
<div class="button-row">
<?cs if:Item.status != "retained" || !Item.risk.id ?><form method="post" action="/scenarios/<?cs var:Item.id ?>/retain" class="inline"><?cs call:csrf() ?><button type="submit" class="button"><?cs if:Item.risk.id ?><?cs var:Lang.ra.scenario.retain_again ?><?cs else ?><?cs var:Lang.ra.scenario.retain ?><?cs /if ?></button></form><?cs /if ?>
<?cs if:Item.status != "discarded" ?><form method="post" action="/scenarios/<?cs var:Item.id ?>/discard" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary"><?cs var:Lang.ra.scenario.discard ?></button></form><?cs /if ?>
</div>
<p class="small muted"><?cs if:Item.status == "retained" ?><?cs var:Lang.ra.scenario.discard_help ?><?cs else ?><?cs var:Lang.ra.scenario.retain_help ?><?cs /if ?></p>
<?cs if:Item.risk_differs == "1" && Item.status == "retained" ?>
<div id="ra-diff"><h3><?cs var:Lang.ra.scenario.differs ?></h3>
<p class="small muted"><?cs var:Lang.ra.scenario.differs_help ?></p>
<form method="post" action="/scenarios/<?cs var:Item.id ?>/sync-risk"><?cs call:csrf() ?>
<input type="hidden" name="fields_present" value="1">
<div class="table-wrap"><table><caption class="visually-hidden"><?cs var:Lang.ra.scenario.differs ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.ra.scenario.copy ?></th><th scope="col"><?cs var:Lang.ra.scenario.in_scenario ?></th><th scope="col"><?cs var:Lang.ra.scenario.in_risk ?></th></tr></thead>
<tbody><?cs each:d = Item.risk_diff ?><tr><td><label class="choice"><input type="checkbox" name="fields" value="<?cs name:d ?>"<?cs if:name(d) == "likelihood" || name(d) == "impact" ?> checked<?cs /if ?>> <?cs var:Lang.ra.fields[name(d)] ?></label></td><td><?cs var:d.scenario ?></td><td><?cs var:d.risk ?></td></tr><?cs /each ?></tbody>
</table></div>
<p><button type="submit" class="button"><?cs var:Lang.ra.scenario.sync ?></button></p>
</form></div>
<?cs /if ?>
</section>
<?cs /if ?>
<form method="post" action="<?cs var:Form.action ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:ra_fields(Kind.key) ?>
<p><button type="submit" class="button"><?cs var:Lang.ra.save ?></button>
<a href="<?cs var:Page.base ?>"><?cs var:Lang.ra.back ?></a></p>
</form>
<section class="card danger-zone" aria-labelledby="ra-delete-title"><h2 id="ra-delete-title"><?cs var:Lang.ra.delete_title ?></h2>
<?cs if:Item.scenario_count > 0 ?><p class="muted"><?cs var:Lang.ra.in_use ?> (<?cs var:Item.scenario_count ?>)</p>
<?cs elif:Item.status == "retained" ?><p class="muted"><?cs var:Lang.ra.scenario.retained_kept ?></p>
<?cs else ?><form method="post" action="<?cs var:Form.action ?>/delete"><?cs call:csrf() ?>
<p><button type="submit" class="button danger" data-confirm="<?cs var:Lang.ra.delete_confirm ?>"><?cs var:Lang.ra.delete ?></button></p></form><?cs /if ?>
</section>
</div></div>
<?cs call:page_close() ?>
