<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.deliv.cycle_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Framework.framework_id ?>/cycles"><?cs var:Lang.deliv.cycles ?></a> › <span aria-current="page"><?cs var:Lang.deliv.cycle ?> <?cs var:Cycle.number ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<h1><?cs var:Framework.name ?>: <?cs var:Lang.deliv.cycle ?> <?cs var:Cycle.number ?></h1>
<p><?cs call:progress(Cycle.compliance_pct, Lang.clients.compliance) ?> · <?cs var:Cycle.assessed ?> / <?cs var:Cycle.total ?> <?cs var:Lang.pilot.assessed ?> · <?cs var:Lang.deliv.modes[Cycle.mode] ?></p>
<?cs if:Cycle.current != "1" ?><p class="card" id="closed-notice"><?cs var:Lang.deliv.closed_notice ?></p><?cs else ?><p><a class="button secondary" href="/clients/<?cs var:Client.id ?>/compliance?framework_id=<?cs var:Framework.framework_id ?>"><?cs var:Lang.pilot.compliance ?></a></p><?cs /if ?>
<div class="table-wrap"><table id="cycle-table">
<caption class="visually-hidden"><?cs var:Lang.deliv.cycle ?> <?cs var:Cycle.number ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.deliv.requirement ?></th><th scope="col"><?cs var:Lang.pilot.status ?></th><th scope="col"><?cs var:Lang.pilot.comment ?></th><th scope="col"><?cs var:Lang.deliv.justification ?></th></tr></thead>
<tbody><?cs each:i = Cycle.items ?><tr>
<td><strong><?cs var:i.ref ?></strong> <?cs var:i.title ?></td>
<td><span class="badge status-<?cs var:i.status ?>"><?cs var:Lang.pilot.statuses[i.status] ?></span></td>
<td class="small"><?cs var:i.comment ?></td>
<td class="small"><?cs var:i.justification ?></td>
</tr><?cs /each ?></tbody>
</table></div>
</div></div>
<?cs call:page_close() ?>
