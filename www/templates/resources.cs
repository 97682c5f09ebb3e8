<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.resources.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.resources.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("resources") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.resources.title ?> · <?cs var:Client.name ?></h1>
<p class="actions"><a class="button" href="/clients/<?cs var:Client.id ?>/resources/new"><?cs var:Lang.resources.new ?></a></p></div>
<p class="lead" id="resource-figures"><?cs each:s = Lang.enums.resource_status ?><?cs if:name(s) != "draft" ?> · <?cs /if ?><a href="<?cs var:Page.base ?>?status=<?cs name:s ?>"><?cs var:s ?></a> <strong><?cs if:Docs[name(s)] ?><?cs var:Docs[name(s)] ?><?cs else ?>0<?cs /if ?></strong><?cs /each ?></p>
<form method="get" action="<?cs var:Page.base ?>" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.resources.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("type", Lang.resources.type, Lang.enums.resource_type, Filter.type, Lang.clients.any) ?>
<?cs call:enum_select("status", Lang.resources.status, Lang.enums.resource_status, Filter.status, Lang.clients.any) ?>
<?cs if:Filter.requirement_id ?><input type="hidden" name="requirement_id" value="<?cs var:Filter.requirement_id ?>"><?cs /if ?>
<input type="hidden" name="sort" value="<?cs var:Sort.key ?>"><input type="hidden" name="dir" value="<?cs var:Sort.dir ?>">
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:Filter.requirement_id ?><p class="small"><?cs var:Lang.resources.tag_filter ?> <a href="<?cs var:Page.base ?>"><?cs var:Lang.resources.all ?></a></p><?cs /if ?>
<?cs if:subcount(Items) == 0 ?>
<div class="empty"><?cs if:Filter.any ?><p><?cs var:Lang.resources.none_found ?></p><?cs else ?><p><?cs var:Lang.resources.empty ?></p>
<p><?cs var:Lang.resources.empty_lead ?></p>
<p><a class="button" href="/clients/<?cs var:Client.id ?>/resources/new"><?cs var:Lang.resources.new ?></a></p><?cs /if ?></div>
<?cs else ?>
<div class="table-wrap"><table id="resources-table">
<caption class="visually-hidden"><?cs var:Lang.resources.title ?></caption>
<thead><tr><?cs call:sort_header(Lang.resources.resource_title, "title", Page.base) ?><?cs call:sort_header(Lang.resources.type, "type", Page.base) ?><?cs call:sort_header(Lang.resources.status, "status", Page.base) ?><th scope="col" class="num"><?cs var:Lang.resources.version ?></th><th scope="col" class="num"><?cs var:Lang.resources.tags ?></th><?cs call:sort_header(Lang.resources.updated_at, "updated_at", Page.base) ?></tr></thead>
<tbody><?cs each:r = Items ?><tr id="resource-<?cs var:r.id ?>">
<td><a href="/resources/<?cs var:r.id ?>"><?cs var:r.title ?></a><?cs if:r.template_update == "1" ?> <a class="badge badge-warn" href="/resources/<?cs var:r.id ?>/template-diff"><?cs var:Lang.resources.template_badge ?></a><?cs /if ?></td>
<td><?cs var:Lang.enums.resource_type[r.type] ?></td>
<td><?cs call:resource_status_badge(r.status) ?></td>
<td class="num">v<?cs var:r.version ?></td>
<td class="num"><?cs var:subcount(r.requirement_ids) ?></td>
<td><time datetime="<?cs var:r.updated_at ?>"><?cs var:string.slice(r.updated_at, 0, 10) ?></time></td>
</tr><?cs /each ?></tbody>
</table></div>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
