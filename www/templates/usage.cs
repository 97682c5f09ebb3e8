<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.usage.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.usage.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("usage") ?>
<div>
<h1><?cs var:Lang.usage.title ?></h1>
<?cs call:usage_tabs("questionnaire") ?>
<p class="lead"><?cs var:Lang.usage.lead ?></p>
<?cs call:error_summary() ?>
<section class="card" id="usage-starter" aria-labelledby="starter-title"><h2 id="starter-title"><?cs var:Lang.usage.starter_title ?></h2>
<p><?cs var:Lang.usage.starter_lead ?></p>
<form method="post" action="/clients/<?cs var:Client.id ?>/usage/starter" class="inline"><?cs call:csrf() ?>
<button type="submit" class="button secondary"<?cs if:Questionnaire.questions > 0 ?> data-confirm="<?cs var:Lang.usage.starter_confirm ?>"<?cs /if ?>><?cs var:Lang.usage.starter_load ?></button></form>
</section>
<?cs if:subcount(Questionnaire.sections) == 0 ?><div class="empty" id="usage-empty"><p><?cs var:Lang.usage.empty ?></p></div><?cs /if ?>
<?cs each:s = Questionnaire.sections ?>
<section class="card usage-section" id="section-<?cs var:s.id ?>" aria-labelledby="section-<?cs var:s.id ?>-title">
<h2 id="section-<?cs var:s.id ?>-title"><?cs var:s.position ?>. <?cs call:tr(s.title_fr, s.title_en) ?></h2>
<?cs if:subcount(s.questions) == 0 ?><p class="muted"><?cs var:Lang.usage.section_empty ?></p>
<?cs else ?><ol class="usage-questions" aria-label="<?cs var:Lang.usage.questions_label ?>">
<?cs each:q = s.questions ?><li id="question-<?cs var:q.id ?>">
<p class="usage-question-text"><?cs call:tr(q.text_fr, q.text_en) ?></p>
<p class="small muted"><span class="badge"><?cs var:Lang.enums.usage_kind[q.kind] ?></span>
<?cs if:q.kind == "yes_no" ?> <?cs var:Lang.usage.good_answer ?> — <?cs var:Lang.enums.usage_good_answer[q.good_answer] ?><?cs /if ?>
<?cs if:q.kind == "choice" ?> <?cs var:subcount(q.options) ?> <?cs var:Lang.usage.options_count ?><?cs /if ?>
· <?cs var:q.answers ?> <?cs var:Lang.usage.answers_count ?></p>
<div class="actions">
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/usage/questions/<?cs var:q.id ?>"><?cs var:Lang.usage.edit ?><span class="visually-hidden"> — <?cs var:Lang.usage.question ?> <?cs var:s.position ?>.<?cs var:q.position ?></span></a>
<?cs if:!first(q) ?><form method="post" action="/clients/<?cs var:Client.id ?>/usage/questions/<?cs var:q.id ?>/move" class="inline"><?cs call:csrf() ?><input type="hidden" name="position" value="<?cs var:#q.position - 1 ?>"><button type="submit" class="button secondary"><?cs var:Lang.usage.move_up ?><span class="visually-hidden"> — <?cs var:Lang.usage.question ?> <?cs var:s.position ?>.<?cs var:q.position ?></span></button></form><?cs /if ?>
<?cs if:!last(q) ?><form method="post" action="/clients/<?cs var:Client.id ?>/usage/questions/<?cs var:q.id ?>/move" class="inline"><?cs call:csrf() ?><input type="hidden" name="position" value="<?cs var:#q.position + 1 ?>"><button type="submit" class="button secondary"><?cs var:Lang.usage.move_down ?><span class="visually-hidden"> — <?cs var:Lang.usage.question ?> <?cs var:s.position ?>.<?cs var:q.position ?></span></button></form><?cs /if ?>
<?cs if:q.answers == 0 ?><form method="post" action="/clients/<?cs var:Client.id ?>/usage/questions/<?cs var:q.id ?>/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="button danger" data-confirm="<?cs var:Lang.usage.delete_confirm ?>"><?cs var:Lang.usage.delete ?><span class="visually-hidden"> — <?cs var:Lang.usage.question ?> <?cs var:s.position ?>.<?cs var:q.position ?></span></button></form><?cs /if ?>
</div></li><?cs /each ?></ol><?cs /if ?>
<p><a class="button" href="/clients/<?cs var:Client.id ?>/usage/sections/<?cs var:s.id ?>/questions/new"><?cs var:Lang.usage.question_add ?><span class="visually-hidden"> — <?cs call:tr(s.title_fr, s.title_en) ?></span></a></p>
<details<?cs if:Form.which == "section-" + s.id ?> open<?cs /if ?>><summary><?cs var:Lang.usage.section_edit ?><span class="visually-hidden"> — <?cs call:tr(s.title_fr, s.title_en) ?></span></summary>
<form method="post" action="/clients/<?cs var:Client.id ?>/usage/sections/<?cs var:s.id ?>" novalidate>
<?cs call:csrf() ?>
<div class="field"><label for="s<?cs var:s.id ?>-title_fr"><?cs var:Lang.usage.section_title_fr ?></label>
<input id="s<?cs var:s.id ?>-title_fr" name="title_fr" type="text" value="<?cs var:s.title_fr ?>" required></div>
<div class="field"><label for="s<?cs var:s.id ?>-title_en"><?cs var:Lang.usage.section_title_en ?></label>
<input id="s<?cs var:s.id ?>-title_en" name="title_en" type="text" value="<?cs var:s.title_en ?>" required></div>
<div class="field"><label for="s<?cs var:s.id ?>-position"><?cs var:Lang.usage.section_position ?></label>
<input id="s<?cs var:s.id ?>-position" name="position" type="number" min="1" value="<?cs var:s.position ?>"></div>
<p><button type="submit" class="button secondary"><?cs var:Lang.usage.section_save ?></button></p>
</form>
<form method="post" action="/clients/<?cs var:Client.id ?>/usage/sections/<?cs var:s.id ?>/delete"><?cs call:csrf() ?>
<p><button type="submit" class="button danger" data-confirm="<?cs var:Lang.usage.section_delete_confirm ?>"><?cs var:Lang.usage.section_delete ?></button></p></form>
</details>
</section>
<?cs /each ?>
<section class="card" id="new-section" aria-labelledby="new-section-title"><h2 id="new-section-title"><?cs var:Lang.usage.section_new ?></h2>
<form method="post" action="/clients/<?cs var:Client.id ?>/usage/sections" novalidate>
<?cs call:csrf() ?>
<?cs call:text_field("title_fr", Lang.usage.section_title_fr, Form.title_fr, "text", "off", 1) ?>
<?cs call:text_field("title_en", Lang.usage.section_title_en, Form.title_en, "text", "off", 1) ?>
<p><button type="submit" class="button"><?cs var:Lang.usage.section_add ?></button></p>
</form></section>
<section class="card" aria-labelledby="scoring-title"><h2 id="scoring-title"><?cs var:Lang.usage.scoring_title ?></h2>
<p><?cs var:Lang.usage.scoring ?></p></section>
</div></div>
<?cs call:page_close() ?>
