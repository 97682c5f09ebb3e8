<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.actions.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.actions.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("actions") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.actions.title ?> · <?cs var:Client.name ?></h1>
<p class="actions"><a class="button secondary" href="<?cs var:Page.csv ?>" download><?cs var:Lang.actions.export ?></a>
<a class="button secondary" href="<?cs var:Page.xlsx ?>" download><?cs var:Lang.export.xlsx ?></a>
<a class="button" href="/clients/<?cs var:Client.id ?>/actions/new"><?cs var:Lang.actions.new ?></a></p></div>
<p class="lead" id="action-figures"><?cs var:Lang.actions.open ?> <strong><?cs var:Figures.open ?></strong> · <?cs var:Lang.actions.done ?> <strong><?cs var:Figures.done ?></strong> · <?cs var:Lang.actions.overdue ?> <strong><?cs var:Figures.overdue ?></strong>
<?cs if:Figures.done_pct != "" ?> · <?cs call:progress(Figures.done_pct, Lang.actions.done_share) ?><?cs /if ?></p>
<form method="get" action="<?cs var:Page.base ?>" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.actions.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("status", Lang.actions.status, Lang.enums.action_status, Filter.status, Lang.clients.any) ?>
<?cs call:enum_select("priority", Lang.actions.priority, Lang.enums.action_priority, Filter.priority, Lang.clients.any) ?>
<div class="field"><label class="choice"><input type="checkbox" name="mine" value="1"<?cs if:Filter.mine ?> checked<?cs /if ?>> <?cs var:Lang.actions.mine ?></label>
<label class="choice"><input type="checkbox" name="overdue" value="1"<?cs if:Filter.overdue ?> checked<?cs /if ?>> <?cs var:Lang.actions.overdue_only ?></label></div>
<input type="hidden" name="sort" value="<?cs var:Sort.key ?>"><input type="hidden" name="dir" value="<?cs var:Sort.dir ?>">
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:subcount(Actions) == 0 ?>
<div class="empty"><?cs if:Filter.any ?><p><?cs var:Lang.actions.none_found ?></p><?cs else ?><p><?cs var:Lang.actions.empty ?></p>
<p><?cs var:Lang.actions.empty_lead ?></p>
<p><a class="button" href="/clients/<?cs var:Client.id ?>/actions/new"><?cs var:Lang.actions.new ?></a></p><?cs /if ?></div>
<?cs else ?>
<div class="table-wrap"><table id="actions-table">
<caption class="visually-hidden"><?cs var:Lang.actions.title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.actions.action ?></th><th scope="col"><?cs var:Lang.actions.owner ?></th><?cs call:sort_header(Lang.actions.due_date, "due_date", Page.base) ?><?cs call:sort_header(Lang.actions.priority, "priority", Page.base) ?><th scope="col"><?cs var:Lang.actions.status ?></th><th scope="col"><?cs var:Lang.actions.progress ?></th><?cs call:sort_header(Lang.actions.updated_at, "updated_at", Page.base) ?></tr></thead>
<tbody><?cs each:a = Actions ?><tr id="action-<?cs var:a.id ?>"<?cs if:a.overdue == "1" ?> class="overdue"<?cs /if ?>>
<td><a href="/actions/<?cs var:a.id ?>"><?cs var:a.title ?></a></td>
<td><?cs if:a.owner_name ?><?cs var:a.owner_name ?><?cs else ?><span class="muted"><?cs var:Lang.actions.no_owner ?></span><?cs /if ?></td>
<td><?cs if:a.due_date ?><time datetime="<?cs var:a.due_date ?>"><?cs var:a.due_date ?></time><?cs if:a.overdue == "1" ?> <span class="badge badge-bad"><?cs var:Lang.actions.late ?></span><?cs /if ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
<td><span class="badge prio-<?cs var:a.priority ?>"><?cs var:Lang.enums.action_priority[a.priority] ?></span></td>
<td><span class="badge action-<?cs var:a.status ?>"><?cs var:Lang.enums.action_status[a.status] ?></span></td>
<td><?cs call:progress(a.progress, Lang.actions.progress) ?></td>
<td><time datetime="<?cs var:a.updated_at ?>"><?cs var:string.slice(a.updated_at, 0, 10) ?></time></td>
</tr><?cs /each ?></tbody>
</table></div>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
