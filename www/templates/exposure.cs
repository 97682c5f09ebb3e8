<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.scan.exposure) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <?cs if:Client.full ?><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a><?cs else ?><?cs var:Client.name ?><?cs /if ?> › <a href="/clients/<?cs var:Client.id ?>/establishments"><?cs var:Lang.estabs.title ?></a> › <a href="/establishments/<?cs var:Estab.id ?>"><?cs var:Estab.name ?></a> › <span aria-current="page"><?cs var:Lang.scan.exposure ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("establishments") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.scan.exposure ?> · <?cs var:Estab.name ?></h1>
<?cs if:Page.vciso ?><p class="actions"><a class="button secondary" href="/establishments/<?cs var:Estab.id ?>/scan-targets"><?cs var:Lang.scan.targets ?></a> <a class="button secondary" href="/clients/<?cs var:Client.id ?>/scans?establishment_id=<?cs var:Estab.id ?>"><?cs var:Lang.scan.estab_scans ?></a></p><?cs /if ?></div>
<p class="lead"><?cs var:Lang.scan.exposure_lead ?></p>
<?cs if:!Latest.id ?><div class="empty" id="exposure-empty"><p><?cs var:Lang.scan.exposure_empty ?></p></div>
<?cs else ?>
<section class="card" aria-labelledby="latest-title" id="exposure-latest"><h2 id="latest-title"><?cs var:Lang.scan.latest ?> · <time datetime="<?cs var:Latest.scanned_at ?>"><?cs var:Latest.scanned_at_text ?></time></h2>
<?cs call:scan_counts(Latest.findings_by_severity) ?>
<p><?cs var:Lang.scan.hosts ?> <?cs var:Latest.hosts ?> · <?cs var:Lang.scan.open_ports ?> <?cs var:Latest.open_ports ?> · <?cs if:Latest.previous_scan_id ?><?cs var:Lang.scan.changes.new ?> <?cs var:Latest.new ?> · <?cs var:Lang.scan.changes.fixed ?> <?cs var:Latest.fixed ?><?cs else ?><?cs var:Lang.scan.first ?><?cs /if ?><?cs if:Page.vciso ?> · <a href="/scans/<?cs var:Latest.id ?>"><?cs var:Lang.scan.open_report ?></a><?cs /if ?></p>
<?cs if:subcount(Latest.findings) == 0 ?><p class="muted"><?cs var:Lang.scan.no_findings ?></p>
<?cs else ?><?cs call:scan_findings(Latest.findings, Lang.scan.open_findings, "finding", Page.vciso) ?><?cs /if ?>
<?cs if:subcount(Latest.fixed_findings) > 0 ?><h3><?cs var:Lang.scan.fixed_findings ?></h3>
<?cs call:scan_findings(Latest.fixed_findings, Lang.scan.fixed_findings, "fixed", Page.vciso) ?><?cs /if ?>
</section>
<section class="card" aria-labelledby="over-time-title"><h2 id="over-time-title"><?cs var:Lang.scan.over_time ?></h2>
<div class="table-wrap"><table id="exposure-history">
<caption class="visually-hidden"><?cs var:Lang.scan.over_time ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.scan.date ?></th><th scope="col" class="num"><?cs var:Lang.scan.hosts ?></th><th scope="col" class="num"><?cs var:Lang.scan.open_ports ?></th><th scope="col"><?cs var:Lang.scan.findings ?></th><th scope="col"><?cs var:Lang.scan.since_previous ?></th></tr></thead>
<tbody><?cs each:s = History ?><tr>
<td><?cs if:Page.vciso ?><a href="/scans/<?cs var:s.id ?>"><time datetime="<?cs var:s.scanned_at ?>"><?cs var:s.scanned_at_text ?></time></a><?cs else ?><time datetime="<?cs var:s.scanned_at ?>"><?cs var:s.scanned_at_text ?></time><?cs /if ?></td>
<td class="num"><?cs var:s.hosts ?></td><td class="num"><?cs var:s.open_ports ?></td>
<td><?cs call:scan_counts(s.findings_by_severity) ?></td>
<td><?cs if:s.previous_scan_id ?><?cs var:Lang.scan.changes.new ?> <?cs var:s.new ?> · <?cs var:Lang.scan.changes.fixed ?> <?cs var:s.fixed ?><?cs else ?><span class="muted"><?cs var:Lang.scan.first ?></span><?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager(Page.base) ?>
</section>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
