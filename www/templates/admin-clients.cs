<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.admin.title) ?>
<h1><?cs var:Lang.admin.title ?></h1>
<?cs call:admin_nav("clients") ?>
<p class="muted"><?cs var:Lang.admin.clients_lead ?></p>
<form method="get" action="/admin" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.clients.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<div class="field"><label for="f-firm_id"><?cs var:Lang.admin.firm ?></label>
<select id="f-firm_id" name="firm_id"><option value=""><?cs var:Lang.clients.any ?></option><?cs each:f = Firms ?><option value="<?cs var:f.id ?>"<?cs if:Filter.firm_id == f.id ?> selected<?cs /if ?>><?cs var:f.name ?></option><?cs /each ?></select></div>
<?cs call:enum_select("mission_type", Lang.clients.mission_type, Lang.enums.mission_type, Filter.mission_type, Lang.clients.any) ?>
<?cs call:enum_select("plan", Lang.clients.plan, Lang.enums.plan, Filter.plan, Lang.clients.any) ?>
<?cs call:enum_select("status", Lang.clients.status, Lang.enums.client_status, Filter.status, Lang.clients.any) ?>
<?cs call:enum_select("billing_mode", Lang.clients.billing_mode, Lang.enums.billing_mode, Filter.billing_mode, Lang.clients.any) ?>
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:subcount(Clients) == 0 ?>
<div class="empty"><p><?cs if:Filter.any ?><?cs var:Lang.clients.none_found ?><?cs else ?><?cs var:Lang.admin.no_clients ?><?cs /if ?></p></div>
<?cs else ?>
<div class="table-wrap"><table>
<caption class="visually-hidden"><?cs var:Lang.admin.clients ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.clients.name ?></th><th scope="col"><?cs var:Lang.admin.firm ?></th><th scope="col"><?cs var:Lang.clients.mission_type ?></th><th scope="col"><?cs var:Lang.clients.plan ?></th><th scope="col"><?cs var:Lang.clients.status ?></th><th scope="col"><?cs var:Lang.clients.billing_mode ?></th><th scope="col"><?cs var:Lang.clients.billing_email ?></th></tr></thead>
<tbody><?cs each:c = Clients ?><tr>
<td><a href="/admin/clients/<?cs var:c.id ?>"><?cs var:c.name ?></a></td>
<td><?cs var:c.firm_name ?></td>
<td><?cs var:Lang.enums.mission_type[c.mission_type] ?></td>
<td><?cs call:plan_badge(c.plan) ?></td>
<td><?cs call:client_status_badge(c.status) ?></td>
<td><?cs var:Lang.clients.billing_short[c.billing_mode] ?></td>
<td><?cs if:c.billing_email ?><?cs var:c.billing_email ?><?cs else ?>—<?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager("/admin") ?>
<?cs /if ?>
<?cs call:page_close() ?>
