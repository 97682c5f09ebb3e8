<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.usage.answers_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/usage"><?cs var:Lang.usage.title ?></a> › <span aria-current="page"><?cs var:Lang.usage.answers_title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("usage") ?>
<div>
<h1><?cs var:Lang.usage.title ?></h1>
<?cs call:usage_tabs("answers") ?>
<p class="lead"><?cs var:Lang.usage.answers_lead ?></p>
<form method="get" action="<?cs var:Page.base ?>" class="filters">
<div class="field"><label for="f-establishment_id"><?cs var:Lang.usage.link_estab ?></label>
<select id="f-establishment_id" name="establishment_id"><option value=""><?cs var:Lang.usage.all_estabs ?></option><?cs each:e = Estabs ?><option value="<?cs var:e.id ?>"<?cs if:Filter.establishment_id == e.id ?> selected<?cs /if ?>><?cs var:e.name ?></option><?cs /each ?></select></div>
<button type="submit" class="button secondary"><?cs var:Lang.usage.filter ?></button>
</form>
<?cs if:subcount(Answers) == 0 ?><div class="empty"><p><?cs var:Lang.usage.answers_empty ?></p></div>
<?cs else ?><div class="table-wrap"><table id="answers-table"><caption class="visually-hidden"><?cs var:Lang.usage.answers_title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.usage.received ?></th><th scope="col"><?cs var:Lang.usage.link_estab ?></th><th scope="col"><?cs var:Lang.usage.score ?></th><th scope="col"><?cs var:Lang.usage.details ?></th></tr></thead>
<tbody><?cs each:a = Answers ?><tr id="answer-<?cs var:a.id ?>">
<td><time datetime="<?cs var:a.submitted_at ?>"><?cs var:string.slice(a.submitted_at, 0, 10) ?></time></td>
<td><a href="/establishments/<?cs var:a.establishment_id ?>"><?cs var:a.establishment_name ?></a></td>
<td><?cs call:progress(a.score, Lang.usage.score) ?></td>
<td><details><summary><?cs var:Lang.usage.details ?></summary>
<?cs if:subcount(a.sections) > 0 ?><dl class="usage-section-scores"><?cs each:s = a.sections ?><dt><?cs var:S[s.section_id] ?></dt><dd><?cs var:s.score ?> %</dd><?cs /each ?></dl><?cs /if ?>
<ul class="plain-list usage-items"><?cs each:i = a.items ?><li><span class="muted"><?cs var:Q[i.question_id].text ?></span> — <strong><?cs if:Q[i.question_id].kind == "text" ?><?cs var:i.text ?><?cs elif:Q[i.question_id].kind == "scale" ?><?cs var:Lang.usage.scale[i.value] ?><?cs elif:Q[i.question_id].kind == "yes_no" ?><?cs var:Lang.usage[i.value] ?><?cs else ?><?cs var:Q[i.question_id].opt[i.value] ?><?cs /if ?></strong></li><?cs /each ?></ul>
</details></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager(Page.base) ?><?cs /if ?>
</div></div>
<?cs call:page_close() ?>
