<?cs include:"layout.cs" ?>
<?cs call:page_open(Template.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/templates"><?cs var:Lang.library.title ?></a> › <span aria-current="page"><?cs var:Template.title ?></span></nav>
<div class="page-head"><h1><?cs var:Template.title ?></h1>
<p class="actions"><a class="button" href="/templates/<?cs var:Template.id ?>/edit"><?cs var:Lang.library.edit ?></a></p></div>
<?cs if:Page.past ?><p class="notice" id="past-version"><?cs var:Page.past_text ?> <a href="/templates/<?cs var:Template.id ?>"><?cs var:Lang.library.see_current ?></a></p><?cs /if ?>
<p class="muted"><?cs var:Lang.enums.resource_type[Template.type] ?> · <?cs var:Lang.library.version ?> <?cs var:Template.version ?> · <?cs var:Lang.library.updated_at ?> <time datetime="<?cs var:Template.updated_at ?>"><?cs var:string.slice(Template.updated_at, 0, 10) ?></time><?cs if:Template.updated_by_name ?> <?cs var:Lang.library.by ?> <?cs var:Template.updated_by_name ?><?cs /if ?><?cs if:!Page.past ?> · <?cs var:Lang.library.deployed_count ?> <?cs var:Template.deployed_count ?><?cs /if ?></p>
<article class="card markdown" id="template-body" aria-label="<?cs var:Lang.library.body ?>">
<?cs if:Body.html ?><?cs uvar:Body.html ?><?cs else ?><p class="muted"><?cs var:Lang.library.empty_body ?></p><?cs /if ?>
</article>
<section class="card" aria-labelledby="tags-title"><h2 id="tags-title"><?cs var:Lang.library.tags_legend ?></h2>
<?cs if:subcount(Tags) == 0 ?><p class="muted"><?cs var:Lang.library.no_tags ?></p><?cs else ?>
<ul class="tag-list" id="template-tags"><?cs each:t = Tags ?><li><a href="/templates?requirement_id=<?cs var:t.id ?>"><?cs var:t.ref ?></a> · <?cs var:t.title ?> <span class="muted small">(<?cs var:t.framework ?>)</span></li><?cs /each ?></ul><?cs /if ?>
<p class="small muted"><?cs var:Lang.library.tags_help ?></p></section>
<?cs if:!Page.past ?><section class="card" aria-labelledby="deploy-title"><h2 id="deploy-title"><?cs var:Lang.library.deploy_this ?></h2>
<?cs if:subcount(Clients) == 0 ?><p class="muted"><?cs var:Lang.library.no_clients ?></p><?cs else ?>
<form method="post" action="/templates/deploy" id="deploy-form" class="deploy-form"<?cs call:deploy_data() ?>>
<?cs call:csrf() ?>
<input type="hidden" name="template_ids" value="<?cs var:Template.id ?>">
<?cs call:deploy_clients() ?>
<p class="small muted"><?cs var:Lang.library.deploy_help ?></p>
<p class="button-row"><button type="submit" class="button"><?cs var:Lang.library.deploy ?></button>
<a class="button secondary" href="/templates/deploy?template_ids=<?cs var:Template.id ?>"><?cs var:Lang.library.deploy_with_others ?></a></p>
<?cs call:deploy_status() ?>
</form><?cs /if ?></section><?cs /if ?>
<section class="card" aria-labelledby="versions-title"><h2 id="versions-title"><?cs var:Lang.library.versions ?></h2>
<ol class="versions" id="template-versions" reversed><?cs each:v = Versions ?><li><?cs if:v.version == Template.version ?><strong aria-current="page"><?cs var:Lang.library.version ?> <?cs var:v.version ?></strong><?cs else ?><a href="/templates/<?cs var:Template.id ?><?cs if:v.version != Template.current_version ?>?version=<?cs var:v.version ?><?cs /if ?>"><?cs var:Lang.library.version ?> <?cs var:v.version ?></a><?cs /if ?><?cs if:v.version == Template.current_version ?> <span class="badge badge-ok"><?cs var:Lang.library.current ?></span><?cs /if ?> · <?cs var:v.title ?> · <time datetime="<?cs var:v.created_at ?>"><?cs var:string.slice(v.created_at, 0, 10) ?></time><?cs if:v.created_by_name ?> · <?cs var:v.created_by_name ?><?cs /if ?></li><?cs /each ?></ol>
<p class="small muted"><?cs var:Lang.library.versions_help ?></p></section>
<?cs call:page_close() ?>
