<?cs include:"layout.cs" ?>
<?cs call:page_open(Resource.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.resources.title ?></a> › <span aria-current="page"><?cs var:Resource.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("resources") ?>
<div>
<div class="page-head"><h1><?cs var:Resource.title ?></h1>
<p class="actions"><a class="button" href="/resources/<?cs var:Resource.id ?>/edit"><?cs var:Lang.resources.edit ?></a></p></div>
<p class="muted"><?cs var:Lang.enums.resource_type[Resource.type] ?> · <?cs call:resource_status_badge(Resource.status) ?> · <?cs var:Lang.resources.version ?> <?cs var:Resource.version ?><?cs if:Resource.approved_at ?> · <?cs var:Lang.resources.approved_on ?> <time datetime="<?cs var:Resource.approved_at ?>"><?cs var:string.slice(Resource.approved_at, 0, 10) ?></time><?cs if:Resource.approved_by_name ?> (<?cs var:Resource.approved_by_name ?>)<?cs /if ?><?cs /if ?> · <?cs var:Lang.resources.updated_at ?> <time datetime="<?cs var:Resource.updated_at ?>"><?cs var:string.slice(Resource.updated_at, 0, 10) ?></time></p>
<?cs call:error_summary() ?>
<?cs if:Resource.template_id ?><p class="small" id="template-origin"><?cs var:Lang.resources.from_template ?> <a href="/templates/<?cs var:Resource.template_id ?>"><?cs if:Resource.template_title ?><?cs var:Resource.template_title ?><?cs else ?>#<?cs var:Resource.template_id ?><?cs /if ?></a>, <?cs var:Lang.resources.version ?> <?cs var:Resource.template_version ?>.</p>
<?cs if:Resource.template_update ?><div class="notice" id="template-update" role="status"><p><?cs var:Lang.resources.template_newer ?> <?cs var:Resource.template_latest_version ?>.</p>
<p><a class="button secondary" href="/resources/<?cs var:Resource.id ?>/template-diff"><?cs var:Lang.resources.template_see_changes ?></a></p></div><?cs /if ?><?cs /if ?>
<section class="card workflow" aria-labelledby="wf-title"><h2 id="wf-title"><?cs var:Lang.resources.workflow ?></h2>
<ol class="steps"><?cs each:s = Lang.enums.resource_status ?><li<?cs if:Resource.status == name(s) ?> aria-current="step" class="current"<?cs /if ?>><?cs var:s ?></li><?cs /each ?></ol>
<p class="small muted"><?cs var:Lang.resources.workflow_help ?></p>
<div class="button-row">
<?cs if:Resource.status == "draft" ?><?cs call:status_button("approved", Lang.resources.approve, "") ?><?cs /if ?>
<?cs if:Resource.status == "approved" && Page.may_publish ?><?cs call:status_button("published", Lang.resources.publish, "") ?><?cs /if ?>
<?cs if:Resource.status == "published" && Page.may_publish ?><?cs call:status_button("approved", Lang.resources.withdraw, Lang.resources.withdraw_confirm) ?><?cs /if ?>
<?cs if:Resource.status == "approved" ?><?cs call:status_button("draft", Lang.resources.reopen, "") ?><?cs /if ?>
</div>
<?cs if:Resource.status == "approved" && !Page.may_publish ?><p class="small muted"><?cs var:Lang.resources.no_publication ?></p><?cs /if ?>
</section>
<article class="card markdown" id="resource-body" aria-label="<?cs var:Lang.resources.body ?>">
<?cs if:Body.html ?><?cs uvar:Body.html ?><?cs else ?><p class="muted"><?cs var:Lang.resources.empty_body ?></p><?cs /if ?>
</article>
<section class="card"><h2><?cs var:Lang.resources.tags_legend ?></h2>
<?cs set:tagged = 0 ?><?cs each:g = Reqs ?><?cs each:r = g.items ?><?cs if:Sel[r.id] ?><?cs set:tagged = tagged + 1 ?><?cs /if ?><?cs /each ?><?cs /each ?>
<?cs if:tagged == 0 ?><p class="muted"><?cs var:Lang.resources.no_tags ?></p><?cs else ?>
<ul class="tags"><?cs each:g = Reqs ?><?cs each:r = g.items ?><?cs if:Sel[r.id] ?><li><?cs var:r.label ?> <span class="muted small">(<?cs var:g.name ?>)</span></li><?cs /if ?><?cs /each ?><?cs /each ?></ul><?cs /if ?>
<p class="small muted"><?cs var:Lang.resources.tags_help ?></p></section>
<section class="card"><h2><?cs var:Lang.resources.actions ?></h2>
<?cs if:subcount(Linked) == 0 ?><p class="muted"><?cs var:Lang.resources.no_actions ?></p><?cs else ?>
<ul><?cs each:a = Linked ?><li><a href="/actions/<?cs var:a.id ?>"><?cs var:a.title ?></a> <span class="badge action-<?cs var:a.status ?>"><?cs var:Lang.enums.action_status[a.status] ?></span></li><?cs /each ?></ul><?cs /if ?>
<p class="small muted"><?cs var:Lang.resources.actions_help ?></p></section>
<?cs if:Resource.status != "draft" ?>
<section class="card" id="publication" aria-labelledby="pub-title"><h2 id="pub-title"><?cs var:Lang.publications.title ?></h2>
<?cs if:subcount(Published) == 0 ?><p class="muted"><?cs var:Lang.publications.none ?></p><?cs else ?>
<ul class="plain-list" id="published-to"><?cs each:p = Published ?><li><a href="/establishments/<?cs var:p.establishment_id ?>"><?cs var:p.name ?></a> <span class="muted small"><?cs var:Lang.publications.published_on ?> <time datetime="<?cs var:p.published_at ?>"><?cs var:string.slice(p.published_at, 0, 10) ?></time><?cs if:p.published_by_name ?> (<?cs var:p.published_by_name ?>)<?cs /if ?></span>
<?cs if:Page.may_publish ?><form method="post" action="/resources/<?cs var:Resource.id ?>/publications/<?cs var:p.establishment_id ?>/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="link-button" data-confirm="<?cs var:Lang.publications.withdraw_confirm ?>"><?cs var:Lang.publications.withdraw ?></button></form><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
<?cs if:Page.may_publish ?>
<?cs set:left = 0 ?><?cs each:e = Estabs ?><?cs if:!e.published ?><?cs set:left = left + 1 ?><?cs /if ?><?cs /each ?>
<?cs if:subcount(Estabs) == 0 ?><p class="small muted"><?cs var:Lang.publications.no_estabs ?></p>
<?cs elif:left > 0 ?>
<form method="post" action="/resources/<?cs var:Resource.id ?>/publications" id="publish-form">
<?cs call:csrf() ?>
<fieldset class="field<?cs if:Form.error.field == "establishment_ids" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.publications.choose ?></legend>
<?cs each:e = Estabs ?><?cs if:!e.published ?><label class="choice"><input type="checkbox" name="establishment_ids" value="<?cs var:e.id ?>"> <?cs var:e.name ?></label><?cs /if ?><?cs /each ?>
<?cs call:field_error("establishment_ids") ?></fieldset>
<p class="small muted"><?cs var:Lang.publications.help ?></p>
<p><button type="submit" class="button secondary"><?cs var:Lang.publications.publish ?></button></p>
</form><?cs /if ?>
<?cs else ?><p class="small muted"><?cs var:Lang.resources.no_publication ?></p><?cs /if ?>
</section>
<?cs /if ?>
<section class="card" aria-labelledby="lib-title"><h2 id="lib-title"><?cs var:Lang.resources.library ?></h2>
<p class="small muted"><?cs var:Lang.resources.save_template_help ?></p>
<form method="post" action="/resources/<?cs var:Resource.id ?>/template" class="inline"><?cs call:csrf() ?><input type="hidden" name="client_name_variable_present" value="1">
<p><label class="choice"><input type="checkbox" name="client_name_variable" value="1" id="f-client-name-variable" checked> <?cs var:Lang.resources.client_name_variable ?></label></p>
<button type="submit" class="button secondary" id="save-as-template"><?cs var:Lang.resources.save_template ?></button></form>
</section>
<form method="post" action="/resources/<?cs var:Resource.id ?>/delete" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="button danger" data-confirm="<?cs var:Lang.resources.delete_confirm ?>"><?cs var:Lang.resources.delete ?></button>
</form>
</div></div>
<?cs call:page_close() ?>
