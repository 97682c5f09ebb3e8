<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.admin.billing_changes) ?>
<h1><?cs var:Lang.admin.title ?></h1>
<?cs call:admin_nav("billing") ?>
<?cs if:subcount(Changes) == 0 ?><div class="empty"><p><?cs var:Lang.admin.no_history ?></p></div><?cs else ?>
<div class="table-wrap"><table><caption class="visually-hidden"><?cs var:Lang.admin.billing_changes ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.admin.at ?></th><th scope="col"><?cs var:Lang.clients.name ?></th><th scope="col"><?cs var:Lang.admin.change ?></th><th scope="col"><?cs var:Lang.admin.reason ?></th><th scope="col"><?cs var:Lang.admin.by ?></th></tr></thead>
<tbody><?cs each:b = Changes ?><tr><td><time datetime="<?cs var:b.at ?>"><?cs var:b.at_text ?></time></td>
<td><a href="/admin/clients/<?cs var:b.client_id ?>"><?cs var:b.client_name ?></a></td>
<td><?cs var:Lang.clients.billing_short[b.old_mode] ?><?cs if:b.old_email ?> (<?cs var:b.old_email ?>)<?cs /if ?> → <?cs var:Lang.clients.billing_short[b.new_mode] ?><?cs if:b.new_email ?> (<?cs var:b.new_email ?>)<?cs /if ?></td>
<td><?cs var:b.reason ?></td><td><?cs var:b.by_name ?></td></tr><?cs /each ?></tbody></table></div>
<?cs call:pager("/admin/billing-changes") ?>
<?cs /if ?>
<?cs call:page_close() ?>
