<?cs include:"layout.cs" ?>
<?cs if:Risk.id ?><?cs set:heading = Lang.risks.edit ?><?cs else ?><?cs set:heading = Lang.risks.new ?><?cs /if ?>
<?cs call:page_open(heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/risks"><?cs var:Lang.risks.title ?></a> › <span aria-current="page"><?cs if:Risk.id ?><?cs var:Risk.title ?><?cs else ?><?cs var:Lang.risks.new ?><?cs /if ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("risks") ?>
<div>
<h1><?cs if:Risk.id ?><?cs var:Risk.title ?><?cs else ?><?cs var:Lang.risks.new ?><?cs /if ?></h1>
<?cs if:Risk.id ?><p><?cs var:Lang.risks.score ?> <?cs call:risk_badge(Risk.score, Risk.level) ?> · <?cs var:Lang.risks.residual ?> <?cs call:risk_badge(Risk.residual_score, Risk.residual_level) ?></p><?cs /if ?>
<?cs if:Risk.scenario_id ?><p class="notice" id="risk-scenario"><?cs var:Lang.ra.from_scenario ?> <?cs if:Client.module.risk_analysis ?><a href="/scenarios/<?cs var:Risk.scenario_id ?>"><?cs var:Risk.scenario_title ?></a><?cs else ?><?cs var:Risk.scenario_title ?><?cs /if ?></p><?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Form.action ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:text_field("title", Lang.risks.risk, Form.title, "text", "off", 1) ?>
<div class="field<?cs if:Form.error.field == "description" ?> has-error<?cs /if ?>"><label for="f-description"><?cs var:Lang.risks.description ?></label>
<textarea id="f-description" name="description" rows="4"><?cs var:Form.description ?></textarea>
<?cs call:field_error("description") ?></div>
<?cs call:text_field("asset", Lang.risks.asset, Form.asset, "text", "off", 0) ?>
<?cs call:text_field("threat", Lang.risks.threat, Form.threat, "text", "off", 0) ?>
<div class="form-row">
<?cs call:enum_select("likelihood", Lang.risks.likelihood, Lang.risks.scale, Form.likelihood, Lang.risks.choose) ?>
<?cs call:enum_select("impact", Lang.risks.impact, Lang.risks.scale, Form.impact, Lang.risks.choose) ?>
</div>
<?cs call:enum_select("treatment", Lang.risks.treatment, Lang.enums.risk_treatment, Form.treatment, "") ?>
<?cs call:enum_select("status", Lang.risks.status, Lang.enums.risk_status, Form.status, "") ?>
<div class="field<?cs if:Form.error.field == "owner_id" ?> has-error<?cs /if ?>"><label for="f-owner_id"><?cs var:Lang.risks.owner ?></label>
<select id="f-owner_id" name="owner_id"><option value=""><?cs var:Lang.risks.no_owner ?></option><?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Form.owner_id == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?></select>
<p class="small muted"><?cs var:Lang.risks.owner_help ?></p>
<?cs call:field_error("owner_id") ?></div>
<fieldset class="field"><legend><?cs var:Lang.risks.residual_title ?></legend>
<p class="small muted"><?cs var:Lang.risks.residual_help ?></p>
<div class="form-row">
<?cs call:enum_select("residual_likelihood", Lang.risks.residual_likelihood, Lang.risks.scale, Form.residual_likelihood, Lang.risks.not_assessed) ?>
<?cs call:enum_select("residual_impact", Lang.risks.residual_impact, Lang.risks.scale, Form.residual_impact, Lang.risks.not_assessed) ?>
</div></fieldset>
<div class="field<?cs if:Form.error.field == "requirement_ids" ?> has-error<?cs /if ?>"><label for="f-requirement_ids"><?cs var:Lang.risks.requirements ?></label>
<input type="hidden" name="requirement_ids_present" value="1">
<?cs if:subcount(Reqs) == 0 ?><p class="muted small" id="f-requirement_ids"><?cs var:Lang.risks.no_requirements ?></p><?cs else ?>
<select id="f-requirement_ids" name="requirement_ids" multiple size="8"><?cs each:q = Reqs ?><option value="<?cs var:q.id ?>"<?cs if:Form.req[q.id] ?> selected<?cs /if ?>><?cs var:q.ref ?> — <?cs var:q.title ?></option><?cs /each ?></select>
<p class="small muted"><?cs var:Lang.risks.requirements_help ?></p><?cs /if ?>
<?cs call:field_error("requirement_ids") ?></div>
<p><button type="submit" class="button"><?cs if:Risk.id ?><?cs var:Lang.risks.save ?><?cs else ?><?cs var:Lang.risks.create ?><?cs /if ?></button>
<a href="/clients/<?cs var:Client.id ?>/risks"><?cs var:Lang.risks.back ?></a></p>
</form>
<?cs if:Risk.id ?><form method="post" action="/risks/<?cs var:Risk.id ?>/delete" class="card danger-zone">
<?cs call:csrf() ?>
<h2><?cs var:Lang.risks.delete_title ?></h2>
<p><button type="submit" class="button danger" data-confirm="<?cs var:Lang.risks.delete_confirm ?>"><?cs var:Lang.risks.delete ?></button></p>
</form><?cs /if ?>
</div></div>
<?cs call:page_close() ?>
