<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.deliv.compare) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/frameworks/<?cs var:Framework.framework_id ?>/cycles"><?cs var:Lang.deliv.cycles ?></a> › <span aria-current="page"><?cs var:Lang.deliv.compare ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<h1><?cs var:Framework.name ?>: <?cs var:Lang.deliv.cycle ?> <?cs var:Compare.from.number ?> → <?cs var:Compare.to.number ?></h1>
<dl class="figures" id="compare-summary">
<div><dt><?cs var:Lang.deliv.cycle ?> <?cs var:Compare.from.number ?></dt><dd><?cs call:progress(Compare.from.compliance_pct, Lang.clients.compliance) ?></dd></div>
<div><dt><?cs var:Lang.deliv.cycle ?> <?cs var:Compare.to.number ?></dt><dd><?cs call:progress(Compare.to.compliance_pct, Lang.clients.compliance) ?></dd></div>
<div><dt><?cs var:Lang.deliv.delta ?></dt><dd id="delta-pct"><?cs if:Compare.delta_pct != "" ?><?cs if:Compare.delta_pct > 0 ?>+<?cs /if ?><?cs var:Compare.delta_pct ?> pts<?cs else ?>—<?cs /if ?></dd></div>
<div><dt><?cs var:Lang.deliv.changed ?></dt><dd id="changed-count"><?cs var:Compare.changed ?></dd></div>
</dl>
<div class="table-wrap"><table id="compare-table">
<caption class="visually-hidden"><?cs var:Lang.deliv.compare ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.deliv.requirement ?></th><th scope="col"><?cs var:Lang.deliv.cycle ?> <?cs var:Compare.from.number ?></th><th scope="col"><?cs var:Lang.deliv.cycle ?> <?cs var:Compare.to.number ?></th></tr></thead>
<tbody><?cs each:i = Compare.items ?><tr<?cs if:i.changed == "1" ?> class="changed"<?cs /if ?>>
<td><strong><?cs var:i.ref ?></strong> <?cs var:i.title ?></td>
<td><span class="badge status-<?cs var:i.from ?>"><?cs var:Lang.pilot.statuses[i.from] ?></span></td>
<td><span class="badge status-<?cs var:i.to ?>"><?cs var:Lang.pilot.statuses[i.to] ?></span><?cs if:i.changed == "1" ?> <span class="small">(<?cs var:Lang.deliv.changed_one ?>)</span><?cs /if ?></td>
</tr><?cs /each ?></tbody>
</table></div>
</div></div>
<?cs call:page_close() ?>
