<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.library.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><span aria-current="page"><?cs var:Lang.library.title ?></span></nav>
<div class="page-head"><h1><?cs var:Lang.library.title ?></h1>
<p class="actions"><a class="button" href="/templates/new"><?cs var:Lang.library.new ?></a></p></div>
<?cs if:subcount(Deployed) > 0 ?><section class="card" id="deployed-links" aria-labelledby="deployed-title"><h2 id="deployed-title"><?cs var:Lang.library.deployed_open ?></h2>
<ul class="inline-list"><?cs each:d = Deployed ?><li><a href="/clients/<?cs var:d.id ?>/resources"><?cs var:d.name ?></a></li><?cs /each ?></ul></section><?cs /if ?>
<p class="lead"><?cs var:Lang.library.lead ?></p>
<form method="get" action="/templates" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.library.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("type", Lang.library.type, Lang.enums.resource_type, Filter.type, Lang.clients.any) ?>
<div class="field"><label for="f-framework_id"><?cs var:Lang.library.framework ?></label>
<select id="f-framework_id" name="framework_id"><option value=""><?cs var:Lang.clients.any ?></option><?cs each:f = Frameworks ?><option value="<?cs var:f.id ?>"<?cs if:Filter.framework_id == f.id ?> selected<?cs /if ?>><?cs var:f.name ?></option><?cs /each ?></select></div>
<?cs if:Filter.requirement_id ?><input type="hidden" name="requirement_id" value="<?cs var:Filter.requirement_id ?>"><?cs /if ?>
<input type="hidden" name="sort" value="<?cs var:Sort.key ?>"><input type="hidden" name="dir" value="<?cs var:Sort.dir ?>">
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:Filter.requirement_id ?><p class="small" id="requirement-filter"><?cs var:Lang.library.tag_filter ?> <strong><?cs if:Filter.requirement_label ?><?cs var:Filter.requirement_label ?><?cs else ?><?cs var:Lang.library.tag_unknown ?><?cs /if ?></strong>. <a href="/templates"><?cs var:Lang.library.all ?></a></p><?cs /if ?>
<?cs if:subcount(Items) == 0 ?>
<div class="empty"><?cs if:Filter.any ?><p><?cs var:Lang.library.none_found ?></p>
<p><a href="/templates"><?cs var:Lang.library.all ?></a></p><?cs else ?><p><strong><?cs var:Lang.library.empty ?></strong></p>
<p><?cs var:Lang.library.empty_lead ?></p>
<p><?cs var:Lang.library.empty_from_resource ?></p>
<p><a class="button" href="/templates/new"><?cs var:Lang.library.new ?></a></p><?cs /if ?></div>
<?cs else ?>
<form method="get" action="/templates/deploy" id="templates-pick">
<div class="table-wrap"><table id="templates-table">
<caption class="visually-hidden"><?cs var:Lang.library.title ?></caption>
<thead><tr><th scope="col"><span class="visually-hidden"><?cs var:Lang.library.pick ?></span></th><?cs call:sort_header(Lang.library.template_title, "title", Page.base) ?><?cs call:sort_header(Lang.library.type, "type", Page.base) ?><th scope="col" class="num"><?cs var:Lang.library.version ?></th><th scope="col"><?cs var:Lang.library.tags ?></th><th scope="col" class="num"><?cs var:Lang.library.deployed_count ?></th><?cs call:sort_header(Lang.library.updated_at, "updated_at", Page.base) ?></tr></thead>
<tbody><?cs each:t = Items ?><tr id="template-<?cs var:t.id ?>">
<td><input type="checkbox" name="template_ids" value="<?cs var:t.id ?>" id="pick-<?cs var:t.id ?>" aria-label="<?cs var:Lang.library.pick_one ?> <?cs var:t.title ?>"></td>
<td><a href="/templates/<?cs var:t.id ?>"><?cs var:t.title ?></a></td>
<td><?cs var:Lang.enums.resource_type[t.type] ?></td>
<td class="num">v<?cs var:t.version ?></td>
<td class="tags-cell"><?cs if:subcount(t.tags) == 0 ?><span class="muted">—</span><?cs /if ?><?cs each:g = t.tags ?><span class="tag-group"><span class="muted small"><?cs var:g.fw ?></span><?cs each:r = g.refs ?> <a class="tag" href="/templates?requirement_id=<?cs var:r.id ?>"><?cs var:r.ref ?></a><?cs /each ?></span> <?cs /each ?></td>
<td class="num"><?cs var:t.deployed_count ?></td>
<td><time datetime="<?cs var:t.updated_at ?>"><?cs var:string.slice(t.updated_at, 0, 10) ?></time></td>
</tr><?cs /each ?></tbody>
</table></div>
<p class="button-row"><button type="submit" class="button"><?cs var:Lang.library.deploy_selected ?></button></p>
<p class="small muted"><?cs var:Lang.library.deploy_selected_help ?></p>
</form>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
<?cs call:page_close() ?>
