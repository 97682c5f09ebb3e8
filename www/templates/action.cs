<?cs include:"layout.cs" ?>
<?cs if:Page.new ?><?cs set:Page.heading = Lang.actions.new ?><?cs else ?><?cs set:Page.heading = Action.title ?><?cs /if ?>
<?cs call:page_open(Page.heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.actions.title ?></a> › <span aria-current="page"><?cs var:Page.heading ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("actions") ?>
<div>
<h1><?cs var:Page.heading ?></h1>
<?cs if:!Page.new ?><p class="muted small"><?cs if:Action.overdue == "1" ?><span class="badge badge-bad"><?cs var:Lang.actions.late ?></span> <?cs /if ?><?cs var:Lang.actions.updated_at ?> <time datetime="<?cs var:Action.updated_at ?>"><?cs var:string.slice(Action.updated_at, 0, 10) ?></time></p><?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Page.action ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:text_field("title", Lang.actions.action_title, Edit.title, "text", "off", 1) ?>
<div class="field<?cs if:Form.error.field == "description" ?> has-error<?cs /if ?>"><label for="f-description"><?cs var:Lang.actions.description ?></label>
<textarea id="f-description" name="description" rows="4"<?cs if:Form.error.field == "description" ?> aria-invalid="true" aria-describedby="err-description"<?cs /if ?>><?cs var:Edit.description ?></textarea>
<?cs call:field_error("description") ?></div>
<div class="field<?cs if:Form.error.field == "owner_id" ?> has-error<?cs /if ?>"><label for="f-owner_id"><?cs var:Lang.actions.owner ?></label>
<select id="f-owner_id" name="owner_id"><option value=""><?cs var:Lang.actions.no_owner ?></option><?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Edit.owner_id == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?></select>
<p class="muted small"><?cs var:Lang.actions.owner_help ?></p>
<?cs call:field_error("owner_id") ?></div>
<?cs call:text_field("due_date", Lang.actions.due_date, Edit.due_date, "date", "off", 0) ?>
<?cs call:enum_select("priority", Lang.actions.priority, Lang.enums.action_priority, Edit.priority, "") ?>
<?cs call:enum_select("status", Lang.actions.status, Lang.enums.action_status, Edit.status, "") ?>
<div class="field<?cs if:Form.error.field == "progress" ?> has-error<?cs /if ?>"><label for="f-progress"><?cs var:Lang.actions.progress ?> (%)</label>
<input id="f-progress" name="progress" type="number" min="0" max="100" step="5" value="<?cs var:Edit.progress ?>"<?cs if:Form.error.field == "progress" ?> aria-invalid="true" aria-describedby="err-progress"<?cs /if ?>>
<p class="muted small"><?cs var:Lang.actions.progress_help ?></p>
<?cs call:field_error("progress") ?></div>
<fieldset class="field<?cs if:Form.error.field == "risk_ids" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.actions.risks ?></legend>
<input type="hidden" name="risk_ids_present" value="1">
<?cs if:subcount(Risks) == 0 ?><p class="muted"><?cs var:Lang.actions.no_risks ?></p><?cs /if ?>
<?cs each:k = Risks ?><label class="choice"><input type="checkbox" name="risk_ids" value="<?cs var:k.id ?>"<?cs if:RiskSel[k.id] ?> checked<?cs /if ?>> <span class="badge heat-<?cs var:k.level ?>"><?cs var:k.score ?></span> <?cs var:k.title ?></label><?cs /each ?>
<?cs call:field_error("risk_ids") ?></fieldset>
<?cs call:requirement_picker(Lang.actions.requirements, Lang.actions.no_frameworks) ?>
<?cs call:resource_picker(Lang.actions.resources, Lang.actions.no_resources) ?>
<p><button type="submit" class="button"><?cs if:Page.new ?><?cs var:Lang.actions.create ?><?cs else ?><?cs var:Lang.actions.save ?><?cs /if ?></button>
<a class="button secondary" href="<?cs var:Page.base ?>"><?cs var:Lang.actions.back ?></a></p>
</form>
<?cs if:!Page.new ?><form method="post" action="/actions/<?cs var:Action.id ?>/delete" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="button danger" data-confirm="<?cs var:Lang.actions.delete_confirm ?>"><?cs var:Lang.actions.delete ?></button>
</form><?cs /if ?>
</div></div>
<?cs call:page_close() ?>
