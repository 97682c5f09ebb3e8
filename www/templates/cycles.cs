<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.deliv.cycles) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/compliance?framework_id=<?cs var:Framework.framework_id ?>"><?cs var:Framework.name ?></a> › <span aria-current="page"><?cs var:Lang.deliv.cycles ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<h1><?cs var:Lang.deliv.cycles ?> · <?cs var:Framework.name ?></h1>
<p class="muted small"><?cs var:Lang.deliv.cycles_lead ?></p>
<?cs call:error_summary() ?>
<div class="table-wrap"><table id="cycles-table">
<caption class="visually-hidden"><?cs var:Lang.deliv.cycles ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.deliv.cycle ?></th><th scope="col"><?cs var:Lang.deliv.mode_header ?></th><th scope="col"><?cs var:Lang.deliv.started ?></th><th scope="col"><?cs var:Lang.deliv.closed ?></th><th scope="col"><?cs var:Lang.clients.compliance ?></th><th scope="col"><?cs var:Lang.pilot.assessed_header ?></th><th scope="col"><?cs var:Lang.deliv.compare ?></th></tr></thead>
<tbody><?cs each:y = Cycles ?><tr>
<td><a href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Framework.framework_id ?>/cycles/<?cs var:y.number ?>"><?cs var:Lang.deliv.cycle ?> <?cs var:y.number ?></a><?cs if:y.current == "1" ?> <span class="badge badge-ok"><?cs var:Lang.deliv.current ?></span><?cs else ?> <span class="badge"><?cs var:Lang.deliv.read_only ?></span><?cs /if ?></td>
<td><?cs var:Lang.deliv.modes[y.mode] ?></td>
<td class="small"><?cs var:string.slice(y.started_at, 0, 10) ?><?cs if:y.started_by_name ?> · <?cs var:y.started_by_name ?><?cs /if ?></td>
<td class="small"><?cs if:y.closed_at ?><?cs var:string.slice(y.closed_at, 0, 10) ?><?cs else ?>—<?cs /if ?></td>
<td><?cs call:progress(y.compliance_pct, Lang.clients.compliance) ?></td>
<td><?cs var:y.assessed ?> / <?cs var:y.total ?></td>
<td><?cs if:y.number > 1 ?><a href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Framework.framework_id ?>/cycles/<?cs var:#y.number - 1 ?>/compare/<?cs var:y.number ?>"><?cs var:Lang.deliv.compare_with_previous ?></a><?cs else ?>—<?cs /if ?></td>
</tr><?cs /each ?></tbody>
</table></div>
<h2><?cs var:Lang.deliv.new_cycle ?></h2>
<form method="post" action="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Framework.framework_id ?>/cycles" class="card" id="new-cycle">
<?cs call:csrf() ?>
<?cs call:enum_radios("mode", Lang.deliv.mode, Lang.deliv.start_modes, "keep") ?>
<p class="muted small"><?cs var:Lang.deliv.new_cycle_help ?></p>
<p><button type="submit" class="button"><?cs var:Lang.deliv.start ?></button></p>
</form>
</div></div>
<?cs call:page_close() ?>
