<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.admin.firms) ?>
<h1><?cs var:Lang.admin.title ?></h1>
<?cs call:admin_nav("firms") ?>
<?cs if:Created.setup_url ?>
<div class="flash" role="status"><p><?cs if:Created.firm.name ?><?cs var:Lang.admin.firm_created ?> <strong><?cs var:Created.firm.name ?></strong>. <?cs /if ?><?cs var:Lang.admin.link_intro ?></p>
<p class="setup-link"><?cs var:Page.origin ?><?cs var:Created.setup_url ?></p>
<p class="small"><?cs var:Lang.admin.link_once ?> <time datetime="<?cs var:Created.setup_expires_at ?>"><?cs var:Created.setup_expires_at ?></time></p></div>
<?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="/admin/firms" class="card" novalidate>
<h2><?cs var:Lang.admin.new_firm ?></h2>
<?cs call:csrf() ?>
<?cs call:text_field("name", Lang.admin.firm_name, Edit.name, "text", "organization", 1) ?>
<?cs call:text_field("admin_email", Lang.admin.admin_email, Edit.admin_email, "email", "off", 1) ?>
<?cs call:text_field("admin_first_name", Lang.users.first_name, Edit.admin_first_name, "text", "off", 0) ?>
<?cs call:text_field("admin_last_name", Lang.users.last_name, Edit.admin_last_name, "text", "off", 0) ?>
<p class="muted small"><?cs var:Lang.admin.new_firm_help ?></p>
<p><button type="submit" class="button"><?cs var:Lang.admin.create_firm ?></button></p>
</form>
<form method="get" action="/admin/firms" class="search" role="search">
<label for="f-q"><?cs var:Lang.admin.search_firm ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>">
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:subcount(Firms) == 0 ?><div class="empty"><p><?cs var:Lang.admin.no_firms ?></p></div><?cs else ?>
<div class="table-wrap"><table><caption class="visually-hidden"><?cs var:Lang.admin.firms ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.admin.firm_name ?></th><th scope="col" class="num"><?cs var:Lang.admin.clients_count ?></th><th scope="col" class="num"><?cs var:Lang.admin.users_count ?></th><th scope="col"><?cs var:Lang.admin.first_admin ?></th></tr></thead>
<tbody><?cs each:f = Firms ?><tr>
<td><a href="/admin?firm_id=<?cs var:f.id ?>"><?cs var:f.name ?></a></td>
<td class="num"><?cs var:f.clients_count ?></td><td class="num"><?cs var:f.users_count ?></td>
<td><?cs if:f.pending_admin_id ?><form method="post" action="/admin/firms/<?cs var:f.id ?>/setup-link" class="inline"><?cs call:csrf() ?><input type="hidden" name="user_id" value="<?cs var:f.pending_admin_id ?>"><span class="badge badge-warn"><?cs var:Lang.admin.pending ?></span> <button type="submit" class="link-button"><?cs var:Lang.admin.new_link ?></button></form><?cs else ?><span class="badge badge-ok"><?cs var:Lang.admin.ready ?></span><?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager("/admin/firms") ?>
<?cs /if ?>
<?cs call:page_close() ?>
