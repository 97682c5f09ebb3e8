<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.admin.statement) ?>
<h1><?cs var:Lang.admin.title ?></h1>
<?cs call:admin_nav("statement") ?>
<form method="get" action="/admin/statement" class="filters">
<div class="field"><label for="f-month"><?cs var:Lang.admin.month ?></label>
<input id="f-month" name="month" type="month" value="<?cs var:Month ?>" pattern="[0-9]{4}-[0-9]{2}"></div>
<button type="submit" class="button secondary"><?cs var:Lang.admin.show ?></button>
<a class="button secondary" href="/admin/statement.csv?month=<?cs var:Month ?>"><?cs var:Lang.admin.export_csv ?></a>
</form>
<p class="muted"><?cs var:Lang.admin.statement_lead ?></p>
<?cs if:subcount(Statement.firms) == 0 ?><div class="empty"><p><?cs var:Lang.admin.no_lines ?></p></div><?cs else ?>
<?cs each:f = Statement.firms ?>
<section class="card"><h2><?cs var:f.firm_name ?></h2>
<?cs if:subcount(f.lines) == 0 ?><p class="muted"><?cs var:Lang.admin.no_lines ?></p><?cs else ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:f.firm_name ?>"><table><caption class="visually-hidden"><?cs var:f.firm_name ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.clients.name ?></th><th scope="col"><?cs var:Lang.clients.plan ?></th><th scope="col"><?cs var:Lang.clients.mission_type ?></th><th scope="col" class="num"><?cs var:Lang.admin.days ?></th><th scope="col" class="num"><?cs var:Lang.admin.amount ?></th><th scope="col"><?cs var:Lang.admin.billed_to ?></th></tr></thead>
<tbody><?cs each:l = f.lines ?><tr><td><?cs var:l.client_name ?></td><td><?cs call:plan_badge(l.plan) ?></td><td><?cs var:Lang.enums.mission_type[l.mission_type] ?></td>
<td class="num"><?cs var:l.days_active ?> / <?cs var:Statement.days_in_month ?></td><td class="num"><?cs var:l.amount_text ?></td>
<td><?cs if:l.billed_to == "client" ?><?cs var:Lang.admin.billed_client ?> (<?cs var:l.billed_email ?>)<?cs else ?><?cs var:Lang.admin.billed_firm ?><?cs /if ?></td></tr><?cs /each ?></tbody>
<tfoot><?cs each:t = f.totals ?><tr><th scope="row" colspan="4"><?cs var:Lang.admin.total_for ?> <?cs if:t.billed_to == "client" ?><?cs var:t.billed_email ?><?cs else ?><?cs var:Lang.admin.billed_firm ?><?cs /if ?></th><td class="num"><?cs var:t.amount_text ?></td><td></td></tr><?cs /each ?>
<tr><th scope="row" colspan="4"><?cs var:Lang.admin.firm_total ?></th><td class="num"><strong><?cs var:f.total_text ?></strong></td><td></td></tr></tfoot>
</table></div><?cs /if ?></section>
<?cs /each ?>
<p class="lead"><?cs var:Lang.admin.grand_total ?> <strong><?cs var:Statement.total_text ?></strong></p>
<?cs /if ?>
<?cs call:page_close() ?>
