<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.users.title) ?>
<div class="page-head"><h1><?cs var:Lang.users.title ?></h1>
<a class="button" href="/users/new"><?cs var:Lang.users.new ?></a></div>
<form method="get" action="/users" class="search" role="search">
<label for="f-q"><?cs var:Lang.users.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Search.q ?>">
<input type="hidden" name="sort" value="<?cs var:Sort.key ?>"><input type="hidden" name="dir" value="<?cs var:Sort.dir ?>">
<button type="submit" class="button secondary"><?cs var:Lang.users.search_button ?></button>
</form>
<?cs if:subcount(Users) == 0 ?>
<div class="empty"><p><?cs if:Search.q ?><?cs var:Lang.users.none_found ?><?cs else ?><?cs var:Lang.users.empty ?><?cs /if ?></p></div>
<?cs else ?>
<p class="table-filter"><label for="f-filter" hidden><?cs var:Lang.users.filter ?></label>
<input id="f-filter" type="text" data-filter="users-table" hidden autocomplete="off">
<span id="users-table-count" class="muted small" aria-live="polite"></span></p>
<div class="table-wrap"><table id="users-table">
<caption class="visually-hidden"><?cs var:Lang.users.title ?></caption>
<thead><tr><?cs call:sort_header(Lang.users.name, "name", "/users") ?><?cs call:sort_header(Lang.users.email, "email", "/users") ?><?cs call:sort_header(Lang.users.role, "role", "/users") ?><th scope="col"><?cs var:Lang.users.status ?></th><th scope="col"><?cs var:Lang.users.mfa ?></th></tr></thead>
<tbody><?cs each:u = Users ?><tr>
<td><a href="/users/<?cs var:u.id ?>"><?cs if:u.name ?><?cs var:u.name ?><?cs else ?><?cs var:u.email ?><?cs /if ?></a></td>
<td><?cs var:u.email ?></td>
<td><?cs var:Lang.roles[u.role] ?></td>
<td><?cs if:u.active == "1" ?><?cs call:status_badge(1, Lang.users.active) ?><?cs else ?><?cs call:status_badge(0, Lang.users.inactive) ?><?cs /if ?></td>
<td><?cs if:u.mfa == "1" ?><?cs var:Lang.mfa.on ?><?cs else ?>—<?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager("/users") ?>
<?cs /if ?>
<?cs call:page_close() ?>
