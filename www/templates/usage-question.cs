<?cs include:"layout.cs" ?>
<?cs if:Question.id ?><?cs set:heading = Lang.usage.question_edit ?><?cs else ?><?cs set:heading = Lang.usage.question_new ?><?cs /if ?>
<?cs call:page_open(heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/usage"><?cs var:Lang.usage.title ?></a> › <span aria-current="page"><?cs var:heading ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("usage") ?>
<div>
<h1><?cs var:heading ?></h1>
<?cs if:Section.id ?><p class="lead"><?cs var:Lang.usage.section ?> <?cs var:Section.position ?> — <?cs call:tr(Section.title_fr, Section.title_en) ?></p><?cs /if ?>
<?cs if:Question.answers > 0 ?><p class="notice" id="answered-note"><?cs var:Lang.usage.answered_note ?></p><?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Form.action ?>" class="card" novalidate id="question-form">
<?cs call:csrf() ?>
<?cs if:Question.id ?><div class="field<?cs if:Form.error.field == "section_id" ?> has-error<?cs /if ?>"><label for="f-section_id"><?cs var:Lang.usage.section ?></label>
<select id="f-section_id" name="section_id"><?cs each:s = Sections ?><option value="<?cs var:s.id ?>"<?cs if:Form.section_id == s.id ?> selected<?cs /if ?>><?cs call:tr(s.title_fr, s.title_en) ?></option><?cs /each ?></select>
<?cs call:field_error("section_id") ?></div><?cs /if ?>
<?cs call:enum_radios("kind", Lang.usage.kind, Lang.enums.usage_kind, Form.kind) ?>
<div class="field<?cs if:Form.error.field == "text_fr" ?> has-error<?cs /if ?>"><label for="f-text_fr"><?cs var:Lang.usage.text_fr ?></label>
<textarea id="f-text_fr" name="text_fr" rows="2" required<?cs if:Form.error.field == "text_fr" ?> aria-invalid="true" aria-describedby="err-text_fr"<?cs /if ?>><?cs var:Form.text_fr ?></textarea>
<?cs call:field_error("text_fr") ?></div>
<div class="field<?cs if:Form.error.field == "text_en" ?> has-error<?cs /if ?>"><label for="f-text_en"><?cs var:Lang.usage.text_en ?></label>
<textarea id="f-text_en" name="text_en" rows="2" required<?cs if:Form.error.field == "text_en" ?> aria-invalid="true" aria-describedby="err-text_en"<?cs /if ?>><?cs var:Form.text_en ?></textarea>
<?cs call:field_error("text_en") ?></div>
<?cs call:enum_radios("good_answer", Lang.usage.good_answer, Lang.enums.usage_good_answer, Form.good_answer) ?>
<p class="small muted"><?cs var:Lang.usage.good_answer_help ?></p>
<fieldset class="field<?cs if:Form.error.field == "options" ?> has-error<?cs /if ?>" id="f-options"><legend><?cs var:Lang.usage.options ?></legend>
<p class="small muted"><?cs var:Lang.usage.options_help ?></p>
<div class="table-wrap"><table class="usage-options"><caption class="visually-hidden"><?cs var:Lang.usage.options ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.usage.option_number ?></th><th scope="col"><?cs var:Lang.usage.option_fr ?></th><th scope="col"><?cs var:Lang.usage.option_en ?></th><th scope="col"><?cs var:Lang.usage.option_score ?></th></tr></thead>
<tbody><?cs each:o = Options ?><tr><th scope="row"><?cs var:o.n ?></th>
<td><label class="visually-hidden" for="f-option_fr-<?cs var:o.n ?>"><?cs var:Lang.usage.option_fr ?> <?cs var:o.n ?></label><input id="f-option_fr-<?cs var:o.n ?>" name="option_fr" type="text" value="<?cs var:o.label_fr ?>"></td>
<td><label class="visually-hidden" for="f-option_en-<?cs var:o.n ?>"><?cs var:Lang.usage.option_en ?> <?cs var:o.n ?></label><input id="f-option_en-<?cs var:o.n ?>" name="option_en" type="text" value="<?cs var:o.label_en ?>"></td>
<td><label class="visually-hidden" for="f-option_score-<?cs var:o.n ?>"><?cs var:Lang.usage.option_score ?> <?cs var:o.n ?></label><input id="f-option_score-<?cs var:o.n ?>" name="option_score" type="number" min="0" max="100" value="<?cs var:o.score ?>"></td></tr><?cs /each ?></tbody></table></div>
<?cs call:field_error("options") ?></fieldset>
<p><button type="submit" class="button"><?cs if:Question.id ?><?cs var:Lang.usage.save ?><?cs else ?><?cs var:Lang.usage.create ?><?cs /if ?></button>
<a href="/clients/<?cs var:Client.id ?>/usage"><?cs var:Lang.usage.back ?></a></p>
</form>
</div></div>
<?cs call:page_close() ?>
