<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.usage.public_title) ?>
<div class="narrow usage-public">
<?cs if:Public.thanks ?><section class="card" role="status" id="public-thanks"><h1><?cs var:Lang.usage.public_thanks_title ?></h1>
<p><?cs var:Lang.usage.public_thanks ?></p></section>
<?cs elif:Public.full ?><section class="card" id="public-full"><h1><?cs var:Lang.usage.public_full_title ?></h1>
<p><?cs var:Lang.usage.public_full ?></p></section>
<?cs else ?>
<h1><?cs var:Lang.usage.public_title ?></h1>
<p class="lead"><?cs var:Lang.usage.public_for ?> <strong id="public-estab"><?cs var:Public.establishment ?></strong></p>
<p><?cs var:Lang.usage.public_lead ?></p>
<p class="small muted"><?cs var:Lang.usage.public_required ?></p>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Public.action ?>" novalidate id="public-form">
<input type="hidden" name="form_token" value="<?cs var:Public.form_token ?>">
<?cs each:s = Questionnaire.sections ?><?cs if:subcount(s.questions) > 0 ?>
<section class="card" aria-labelledby="ps-<?cs var:s.id ?>"><h2 id="ps-<?cs var:s.id ?>"><?cs call:tr(s.title_fr, s.title_en) ?></h2>
<?cs each:q = s.questions ?><?cs set:name = "q" + q.id ?>
<?cs if:q.kind == "text" ?><div class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs call:tr(q.text_fr, q.text_en) ?></label>
<textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="3" aria-describedby="help-<?cs var:name ?>"><?cs var:Echo[name] ?></textarea>
<p class="small muted" id="help-<?cs var:name ?>"><?cs var:Lang.usage.public_optional ?></p>
<?cs call:field_error(name) ?></div>
<?cs else ?><fieldset class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>" id="f-<?cs var:name ?>"<?cs if:Form.error.field == name ?> aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><legend><?cs call:tr(q.text_fr, q.text_en) ?> <span aria-hidden="true">*</span></legend>
<?cs if:q.kind == "scale" ?><?cs each:v = Lang.usage.scale ?><label class="choice"><input type="radio" name="<?cs var:name ?>" value="<?cs name:v ?>" required<?cs if:Echo[name] == name(v) ?> checked<?cs /if ?>> <?cs var:v ?></label>
<?cs /each ?><?cs elif:q.kind == "yes_no" ?><label class="choice"><input type="radio" name="<?cs var:name ?>" value="yes" required<?cs if:Echo[name] == "yes" ?> checked<?cs /if ?>> <?cs var:Lang.usage.yes ?></label>
<label class="choice"><input type="radio" name="<?cs var:name ?>" value="no" required<?cs if:Echo[name] == "no" ?> checked<?cs /if ?>> <?cs var:Lang.usage.no ?></label>
<?cs else ?><?cs set:n = 0 ?><?cs each:o = q.options ?><?cs set:n = #n + 1 ?><label class="choice"><input type="radio" name="<?cs var:name ?>" value="<?cs var:n ?>" required<?cs if:Echo[name] == n ?> checked<?cs /if ?>> <?cs call:tr(o.label_fr, o.label_en) ?></label>
<?cs /each ?><?cs /if ?>
<?cs call:field_error(name) ?></fieldset><?cs /if ?>
<?cs /each ?></section>
<?cs /if ?><?cs /each ?>
<p><button type="submit" class="button"><?cs var:Lang.usage.public_submit ?></button></p>
</form>
<?cs /if ?>
</div>
<?cs call:page_close() ?>
