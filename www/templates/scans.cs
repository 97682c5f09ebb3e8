<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.scan.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.scan.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("scans") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.scan.title ?></h1></div>
<p class="lead"><?cs var:Lang.scan.lead ?></p>
<?cs call:error_summary() ?>
<section class="card" aria-labelledby="import-title" id="scan-import"><h2 id="import-title"><?cs var:Lang.scan.import_title ?></h2>
<?cs if:subcount(Estabs) == 0 ?><p class="muted"><?cs var:Lang.scan.no_estabs ?></p><?cs else ?>
<ul class="small">
<li><?cs var:Lang.scan.format_nmap ?> <code>nmap -oX scan.xml …</code></li>
<li><?cs var:Lang.scan.format_json ?></li>
<li><?cs var:Lang.scan.format_limits ?></li>
<li><strong><?cs var:Lang.scan.format_all ?></strong></li>
</ul>
<form method="post" action="/clients/<?cs var:Client.id ?>/scans" enctype="multipart/form-data" id="scan-form">
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "establishment_id" ?> has-error<?cs /if ?>"><label for="f-establishment_id"><?cs var:Lang.scan.estab ?></label>
<select id="f-establishment_id" name="establishment_id" required<?cs if:Form.error.field == "establishment_id" ?> aria-invalid="true" aria-describedby="err-establishment_id"<?cs /if ?>><option value=""><?cs var:Lang.scan.choose_estab ?></option><?cs each:e = Estabs ?><option value="<?cs var:e.id ?>"<?cs if:Form.establishment_id == e.id ?> selected<?cs /if ?>><?cs var:e.name ?></option><?cs /each ?></select>
<?cs call:field_error("establishment_id") ?></div>
<div class="field<?cs if:Form.error.field == "file" ?> has-error<?cs /if ?>"><label for="f-file"><?cs var:Lang.scan.file ?></label>
<input id="f-file" name="file" type="file" accept=".xml,.json,text/xml,application/xml,application/json" required<?cs if:Form.error.field == "file" ?> aria-invalid="true" aria-describedby="err-file"<?cs /if ?>>
<?cs call:field_error("file") ?>
<?cs if:Form.error.field == "file" && (Form.error.line || Form.error.path || Form.error.detail) ?><p class="field-error" id="err-file-where"><?cs if:Form.error.line ?><?cs var:Lang.scan.at_line ?> <?cs var:Form.error.line ?>, <?cs var:Lang.scan.at_column ?> <?cs var:Form.error.column ?><?cs /if ?><?cs if:Form.error.path ?><?cs var:Lang.scan.at_path ?> <code><?cs var:Form.error.path ?></code><?cs /if ?><?cs if:Form.error.detail ?> <span class="muted small" lang="en">(<?cs var:Form.error.detail ?>)</span><?cs /if ?></p><?cs /if ?></div>
<p><button type="submit" class="button"><?cs var:Lang.scan.import ?></button></p>
</form><?cs /if ?>
</section>
<section class="card" aria-labelledby="history-title"><h2 id="history-title"><?cs var:Lang.scan.history ?></h2>
<?cs if:subcount(Estabs) > 0 ?><form method="get" action="<?cs var:Page.base ?>" class="filters" role="search">
<div class="field"><label for="f-filter-estab"><?cs var:Lang.scan.estab ?></label>
<select id="f-filter-estab" name="establishment_id"><option value=""><?cs var:Lang.clients.any ?></option><?cs each:e = Estabs ?><option value="<?cs var:e.id ?>"<?cs if:Filter.establishment_id == e.id ?> selected<?cs /if ?>><?cs var:e.name ?></option><?cs /each ?></select></div>
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:Filter.establishment_id ?><p class="small"><a href="/establishments/<?cs var:Filter.establishment_id ?>/scan-targets"><?cs var:Lang.scan.targets_of ?> <?cs var:Filter.estab_name ?></a></p><?cs /if ?><?cs /if ?>
<?cs if:subcount(Scans) == 0 ?><div class="empty"><p><?cs if:Filter.any ?><?cs var:Lang.scan.none_found ?><?cs else ?><?cs var:Lang.scan.empty ?><?cs /if ?></p></div>
<?cs else ?><div class="table-wrap"><table id="scans-table">
<caption class="visually-hidden"><?cs var:Lang.scan.history ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.scan.date ?></th><th scope="col"><?cs var:Lang.scan.estab ?></th><th scope="col" class="num"><?cs var:Lang.scan.hosts ?></th><th scope="col" class="num"><?cs var:Lang.scan.open_ports ?></th><th scope="col"><?cs var:Lang.scan.findings ?></th><th scope="col"><?cs var:Lang.scan.since_previous ?></th></tr></thead>
<tbody><?cs each:s = Scans ?><tr>
<td><a href="/scans/<?cs var:s.id ?>"><time datetime="<?cs var:s.scanned_at ?>"><?cs var:s.scanned_at_text ?></time></a></td>
<td><a href="/establishments/<?cs var:s.establishment_id ?>"><?cs var:s.establishment_name ?></a></td>
<td class="num"><?cs var:s.hosts ?></td><td class="num"><?cs var:s.open_ports ?></td>
<td><?cs call:scan_counts(s.findings_by_severity) ?></td>
<td><?cs if:s.previous_scan_id ?><?cs var:Lang.scan.changes.new ?> <?cs var:s.new ?> · <?cs var:Lang.scan.changes.fixed ?> <?cs var:s.fixed ?><?cs else ?><span class="muted"><?cs var:Lang.scan.first ?></span><?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager(Page.base) ?><?cs /if ?>
</section>
</div></div>
<?cs call:page_close() ?>
