<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.scan.report) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/scans"><?cs var:Lang.scan.title ?></a> › <span aria-current="page"><?cs var:Lang.scan.report ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("scans") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.scan.report ?> · <?cs var:Scan.establishment_name ?></h1></div>
<?cs call:error_summary() ?>
<section class="card" aria-labelledby="summary-title" id="scan-summary"><h2 id="summary-title"><?cs var:Lang.scan.summary ?></h2>
<dl>
<dt><?cs var:Lang.scan.estab ?></dt><dd><a href="/establishments/<?cs var:Scan.establishment_id ?>"><?cs var:Scan.establishment_name ?></a> · <a href="/establishments/<?cs var:Scan.establishment_id ?>/scan-targets"><?cs var:Lang.scan.targets ?></a></dd>
<dt><?cs var:Lang.scan.date ?></dt><dd><time datetime="<?cs var:Scan.scanned_at ?>"><?cs var:Scan.scanned_at_text ?></time></dd>
<dt><?cs var:Lang.scan.source ?></dt><dd><?cs var:Lang.scan.formats[Scan.format] ?><?cs if:Scan.scanner ?> · <?cs var:Scan.scanner ?><?cs /if ?><?cs if:Scan.file_name ?> · <code><?cs var:Scan.file_name ?></code><?cs /if ?></dd>
<dt><?cs var:Lang.scan.imported ?></dt><dd><time datetime="<?cs var:Scan.imported_at ?>"><?cs var:string.slice(Scan.imported_at, 0, 10) ?></time><?cs if:Scan.imported_by_name ?> · <?cs var:Scan.imported_by_name ?><?cs /if ?></dd>
<dt><?cs var:Lang.scan.hosts ?></dt><dd id="scan-hosts"><?cs var:Scan.hosts ?></dd>
<dt><?cs var:Lang.scan.open_ports ?></dt><dd id="scan-ports"><?cs var:Scan.open_ports ?></dd>
<dt><?cs var:Lang.scan.findings ?></dt><dd><?cs call:scan_counts(Scan.findings_by_severity) ?></dd>
<dt><?cs var:Lang.scan.since_previous ?></dt><dd id="scan-compare"><?cs if:Scan.previous_scan_id ?><?cs var:Lang.scan.changes.new ?> <?cs var:Scan.new ?> · <?cs var:Lang.scan.changes.fixed ?> <?cs var:Scan.fixed ?> · <?cs var:Lang.scan.changes.still_open ?> <?cs var:Scan.still_open ?> (<a href="/scans/<?cs var:Scan.previous_scan_id ?>"><?cs var:Lang.scan.previous ?> <time datetime="<?cs var:Scan.previous_scanned_at ?>"><?cs var:string.slice(Scan.previous_scanned_at, 0, 10) ?></time></a>)<?cs else ?><?cs var:Lang.scan.first ?><?cs /if ?></dd>
</dl>
<?cs if:Scan.hosts_outside_targets > 0 ?><p class="notice" id="outside-note"><?cs var:Scan.hosts_outside_targets ?> <?cs var:Lang.scan.outside_note ?></p><?cs /if ?>
</section>
<section class="card" aria-labelledby="findings-title"><h2 id="findings-title"><?cs var:Lang.scan.open_findings ?></h2>
<p class="small muted"><?cs var:Lang.scan.rules_note ?></p>
<?cs if:subcount(Scan.findings) == 0 ?><p class="muted"><?cs var:Lang.scan.no_findings ?></p>
<?cs else ?><?cs call:scan_findings(Scan.findings, Lang.scan.open_findings, "finding", 1) ?><?cs /if ?>
</section>
<?cs if:Scan.previous_scan_id ?><section class="card" aria-labelledby="fixed-title"><h2 id="fixed-title"><?cs var:Lang.scan.fixed_findings ?></h2>
<?cs if:subcount(Scan.fixed_findings) == 0 ?><p class="muted"><?cs var:Lang.scan.no_fixed ?></p>
<?cs else ?><?cs call:scan_findings(Scan.fixed_findings, Lang.scan.fixed_findings, "fixed", 1) ?><?cs /if ?>
</section><?cs /if ?>
<section class="card" aria-labelledby="delete-title"><h2 id="delete-title"><?cs var:Lang.scan.delete_title ?></h2>
<p class="small muted"><?cs var:Lang.scan.delete_help ?></p>
<form method="post" action="/scans/<?cs var:Scan.id ?>/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="button danger" data-confirm="<?cs var:Lang.scan.delete_confirm ?>"><?cs var:Lang.scan.delete ?></button></form>
</section>
</div></div>
<?cs call:page_close() ?>
