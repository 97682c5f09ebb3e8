<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.deliv.soa) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/compliance?framework_id=<?cs var:Soa.framework_id ?>"><?cs var:Soa.name ?></a> › <span aria-current="page"><?cs var:Lang.deliv.soa ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.deliv.soa ?> · <?cs var:Soa.name ?></h1>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Soa.framework_id ?>/soa.csv"><?cs var:Lang.deliv.export_csv ?></a>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Soa.framework_id ?>/soa.xlsx" download><?cs var:Lang.export.xlsx ?></a>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Soa.framework_id ?>/soa.pdf" download><?cs var:Lang.deliv.export_pdf ?></a></div>
<p class="muted small"><?cs var:Lang.deliv.soa_lead ?> <?cs var:Lang.deliv.cycle ?> <?cs var:Soa.cycle ?>.</p>
<dl class="figures" id="soa-counts">
<div><dt><?cs var:Lang.deliv.requirements ?></dt><dd><?cs var:Soa.counts.total ?></dd></div>
<div><dt><?cs var:Lang.deliv.applicable ?></dt><dd><?cs var:Soa.counts.applicable ?></dd></div>
<div><dt><?cs var:Lang.deliv.not_applicable ?></dt><dd><?cs var:Soa.counts.not_applicable ?></dd></div>
<div><dt><?cs var:Lang.pilot.statuses.compliant ?></dt><dd><?cs var:Soa.counts.compliant ?></dd></div>
<div><dt><?cs var:Lang.pilot.statuses.partial ?></dt><dd><?cs var:Soa.counts.partial ?></dd></div>
<div><dt><?cs var:Lang.pilot.statuses.non_compliant ?></dt><dd><?cs var:Soa.counts.non_compliant ?></dd></div>
<div><dt><?cs var:Lang.pilot.statuses.not_assessed ?></dt><dd><?cs var:Soa.counts.not_assessed ?></dd></div>
</dl>
<?cs if:Soa.counts.justification_missing > 0 ?><p class="field-error"><?cs var:Soa.counts.justification_missing ?> <?cs var:Lang.deliv.justification_missing ?></p><?cs /if ?>
<div class="table-wrap"><table id="soa-table">
<caption class="visually-hidden"><?cs var:Lang.deliv.soa ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.deliv.requirement ?></th><th scope="col"><?cs var:Lang.deliv.applicable ?></th><th scope="col"><?cs var:Lang.deliv.justification ?></th><th scope="col"><?cs var:Lang.pilot.status ?></th><th scope="col"><?cs var:Lang.deliv.resources ?></th><th scope="col"><?cs var:Lang.deliv.actions ?></th></tr></thead>
<tbody><?cs each:i = Soa.items ?><tr>
<td><a href="/clients/<?cs var:Client.id ?>/compliance?framework_id=<?cs var:Soa.framework_id ?>#req-<?cs var:i.requirement_id ?>"><strong><?cs var:i.ref ?></strong></a> <?cs var:i.title ?></td>
<td><?cs if:i.applicable == "1" ?><?cs var:Lang.deliv.yes ?><?cs else ?><strong><?cs var:Lang.deliv.no ?></strong><?cs /if ?></td>
<td class="small"><?cs var:i.justification ?></td>
<td><span class="badge status-<?cs var:i.status ?>"><?cs var:Lang.pilot.statuses[i.status] ?></span></td>
<td class="small"><?cs each:d = i.resources ?><a href="/resources/<?cs var:d.id ?>"><?cs var:d.title ?></a><?cs if:!last(d) ?>, <?cs /if ?><?cs /each ?></td>
<td class="small"><?cs each:a = i.actions ?><a href="/actions/<?cs var:a.id ?>"><?cs var:a.title ?></a><?cs if:!last(a) ?>, <?cs /if ?><?cs /each ?></td>
</tr><?cs /each ?></tbody>
</table></div>
</div></div>
<?cs call:page_close() ?>
