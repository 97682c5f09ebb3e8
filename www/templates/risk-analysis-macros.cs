<?cs # Components of the risk analysis pages (included by macros.cs). ?>
<?cs # One step of the progress indicator: number, kind key, path, label, the current step. ?>
<?cs def:ra_step(n, key, path, label, current) ?><li class="<?cs if:current == key ?>current<?cs elif:RA.counts[key] > 0 ?>done<?cs /if ?>"><a href="<?cs var:RA.base ?>/<?cs var:path ?>"<?cs if:current == key ?> aria-current="step"<?cs /if ?>><?cs var:n ?>. <?cs var:label ?> <span class="badge"><?cs var:RA.counts[key] ?><span class="visually-hidden"> <?cs var:Lang.ra.items ?></span></span></a></li><?cs /def ?>
<?cs # The progress indicator of the analysis: its steps, then the summary. ?>
<?cs def:ra_steps(current) ?><nav aria-label="<?cs var:Lang.ra.steps_label ?>"><ol class="steps ra-steps">
<?cs call:ra_step(1, "business_asset", "business-assets", Lang.ra.business_asset.step, current) ?>
<?cs call:ra_step(2, "supporting_asset", "supporting-assets", Lang.ra.supporting_asset.step, current) ?>
<?cs call:ra_step(3, "threat_source", "threat-sources", Lang.ra.threat_source.step, current) ?>
<?cs call:ra_step(4, "scenario", "scenarios", Lang.ra.scenario.step, current) ?>
<li class="<?cs if:current == "summary" ?>current<?cs elif:RA.counts.retained > 0 ?>done<?cs /if ?>"><a href="<?cs var:RA.base ?>"<?cs if:current == "summary" ?> aria-current="step"<?cs /if ?>>5. <?cs var:Lang.ra.summary.step ?> <span class="badge"><?cs var:RA.counts.retained ?><span class="visually-hidden"> <?cs var:Lang.ra.retained_items ?></span></span></a></li>
</ol></nav><?cs /def ?>
<?cs # A multi-line text field. ?>
<?cs def:ra_textarea(name, label, value, help) ?><div class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="3"<?cs if:help ?> aria-describedby="h-<?cs var:name ?>"<?cs /if ?><?cs if:Form.error.field == name ?> aria-invalid="true"<?cs /if ?>><?cs var:value ?></textarea>
<?cs if:help ?><p class="small muted" id="h-<?cs var:name ?>"><?cs var:help ?></p><?cs /if ?>
<?cs call:field_error(name) ?></div><?cs /def ?>
<?cs # A select of items (Choices.<kind>: id, name) with a "choose" first option. ?>
<?cs def:ra_select(name, label, list, selected, choose) ?><div class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Form.error.field == name ?> aria-invalid="true"<?cs /if ?>><option value=""><?cs var:choose ?></option><?cs each:o = list ?><option value="<?cs var:o.id ?>"<?cs if:selected == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?></select>
<?cs call:field_error(name) ?></div><?cs /def ?>
<?cs # Checkboxes of items (Choices.<kind>), checked from Form.sel, in a fieldset. ?>
<?cs def:ra_checks(name, legend, list, empty) ?><fieldset class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>"><legend><?cs var:legend ?></legend>
<input type="hidden" name="<?cs var:name ?>_present" value="1">
<?cs if:subcount(list) == 0 ?><p class="muted small"><?cs var:empty ?></p><?cs /if ?>
<?cs each:o = list ?><label class="choice"><input type="checkbox" name="<?cs var:name ?>" value="<?cs var:o.id ?>"<?cs if:Form.sel[o.id] ?> checked<?cs /if ?>> <?cs var:o.name ?></label><?cs /each ?>
<?cs call:field_error(name) ?></fieldset><?cs /def ?>
<?cs # The fields of an item of kind key (creation and edit forms share them). ?>
<?cs def:ra_fields(key) ?><?cs if:key == "business_asset" ?>
<?cs call:text_field("name", Lang.ra.name, Form.name, "text", "off", 1) ?>
<?cs call:ra_textarea("description", Lang.ra.description, Form.description, Lang.ra.business_asset.description_help) ?>
<?cs call:text_field("owner", Lang.ra.business_asset.owner, Form.owner, "text", "off", 0) ?>
<?cs elif:key == "supporting_asset" ?>
<?cs call:text_field("name", Lang.ra.name, Form.name, "text", "off", 1) ?>
<?cs call:enum_select("type", Lang.ra.supporting_asset.type, Lang.enums.ra_support_type, Form.type, Lang.ra.choose) ?>
<?cs call:ra_textarea("description", Lang.ra.description, Form.description, "") ?>
<?cs call:ra_checks("business_asset_ids", Lang.ra.supporting_asset.serves, Choices.business_asset, Lang.ra.business_asset.none_yet) ?>
<?cs elif:key == "threat_source" ?>
<?cs call:text_field("name", Lang.ra.name, Form.name, "text", "off", 1) ?>
<?cs call:ra_textarea("motivation", Lang.ra.threat_source.motivation, Form.motivation, Lang.ra.threat_source.motivation_help) ?>
<?cs call:enum_select("resources", Lang.ra.threat_source.resources, Lang.enums.ra_resources, Form.resources, Lang.ra.choose) ?>
<?cs else ?>
<?cs call:text_field("title", Lang.ra.scenario.name, Form.title, "text", "off", 1) ?>
<?cs call:ra_textarea("description", Lang.ra.description, Form.description, Lang.ra.scenario.description_help) ?>
<div class="form-row">
<?cs call:ra_select("threat_source_id", Lang.ra.scenario.threat_source, Choices.threat_source, Form.threat_source_id, Lang.ra.choose) ?>
<?cs call:ra_select("business_asset_id", Lang.ra.scenario.business_asset, Choices.business_asset, Form.business_asset_id, Lang.ra.choose) ?>
</div>
<?cs call:ra_checks("supporting_asset_ids", Lang.ra.scenario.through, Choices.supporting_asset, Lang.ra.supporting_asset.none_yet) ?>
<div class="form-row">
<?cs call:enum_select("likelihood", Lang.risks.likelihood, Lang.risks.scale, Form.likelihood, Lang.ra.choose) ?>
<?cs call:enum_select("impact", Lang.risks.impact, Lang.risks.scale, Form.impact, Lang.ra.choose) ?>
</div>
<?cs /if ?><?cs /def ?>
<?cs # A scenario's status badge. ?>
<?cs def:ra_status_badge(s) ?><span class="badge ra-<?cs var:s ?>"><?cs var:Lang.enums.ra_status[s] ?></span><?cs /def ?>
<?cs # Names of linked items: ids of a list, names from Names.<kind>. ?>
<?cs def:ra_names(ids, names) ?><?cs if:subcount(ids) == 0 ?><span class="muted">—</span><?cs else ?><?cs each:x = ids ?><?cs if:name(x) != "0" ?>, <?cs /if ?><?cs var:names[x] ?><?cs /each ?><?cs /if ?><?cs /def ?>
