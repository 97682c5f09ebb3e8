<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.estabs.dir_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <?cs if:Client.full ?><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a><?cs else ?><?cs var:Client.name ?><?cs /if ?> › <span aria-current="page"><?cs var:Lang.estabs.dir_title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("import") ?>
<div>
<h1><?cs var:Lang.estabs.dir_title ?></h1>
<?cs call:error_summary() ?>
<?cs if:Report.rejected ?>
<section class="card" aria-labelledby="report-title" id="import-report"><h2 id="report-title"><?cs var:Lang.estabs.report_title ?></h2>
<p class="notice"><strong><?cs var:Lang.estabs.report_nothing ?></strong></p>
<p class="small"><?cs var:Lang.estabs.report_would ?> <?cs var:Lang.estabs.created ?> <?cs var:Report.created ?> · <?cs var:Lang.estabs.updated ?> <?cs var:Report.updated ?> · <?cs var:Lang.estabs.unchanged ?> <?cs var:Report.unchanged ?> · <?cs var:Lang.estabs.rejected ?> <?cs var:Report.rejected ?></p>
<div class="table-wrap"><table id="report-table">
<caption class="visually-hidden"><?cs var:Lang.estabs.report_title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.estabs.report_line ?></th><th scope="col"><?cs var:Lang.estabs.report_column ?></th><th scope="col"><?cs var:Lang.estabs.report_reason ?></th></tr></thead>
<tbody><?cs each:r = Report.rows ?><tr>
<td><?cs var:r.line ?></td>
<td><?cs if:r.field == "file" ?><?cs var:Lang.estabs.report_file ?><?cs else ?><?cs if:Lang.fields[r.field] ?><?cs var:Lang.fields[r.field] ?><?cs else ?><?cs var:r.field ?><?cs /if ?><?cs /if ?></td>
<td><?cs if:Lang.estabs.reasons[r.code] ?><?cs var:Lang.estabs.reasons[r.code] ?><?cs else ?><?cs var:r.reason ?><?cs /if ?><?cs if:r.code == "invalid" || r.code == "unreadable" ?> <span class="muted small" lang="en">(<?cs var:r.reason ?>)</span><?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs if:Report.more ?><p class="small"><?cs var:Report.more ?> <?cs var:Lang.estabs.report_more ?></p><?cs /if ?>
</section>
<?cs /if ?>
<section class="card" aria-labelledby="export-title"><h2 id="export-title"><?cs var:Lang.estabs.export_title ?></h2>
<p><?cs var:Lang.estabs.export_text ?></p>
<p><a class="button secondary" href="/clients/<?cs var:Client.id ?>/establishments/export.csv" download><?cs var:Lang.estabs.export ?></a></p>
</section>
<section class="card" aria-labelledby="import-title"><h2 id="import-title"><?cs var:Lang.estabs.import_title ?></h2>
<?cs if:Page.may_import ?>
<ul class="small">
<li><?cs var:Lang.estabs.format_columns ?> <code class="format-columns"><?cs var:Format.columns ?></code></li>
<li><?cs var:Lang.estabs.format_sep ?></li>
<li><?cs var:Lang.estabs.format_match ?></li>
<li><?cs var:Lang.estabs.format_rights ?></li>
<li><strong><?cs var:Lang.estabs.format_all ?></strong></li>
</ul>
<form method="post" action="/clients/<?cs var:Client.id ?>/establishments/import" enctype="multipart/form-data" id="import-form">
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "file" ?> has-error<?cs /if ?>"><label for="f-file"><?cs var:Lang.estabs.import_file ?></label>
<input id="f-file" name="file" type="file" accept=".csv,text/csv" required<?cs if:Form.error.field == "file" ?> aria-invalid="true" aria-describedby="err-file"<?cs /if ?>>
<?cs call:field_error("file") ?></div>
<p><button type="submit" class="button"><?cs var:Lang.estabs.import ?></button></p>
</form>
<?cs else ?>
<p class="muted"><?cs var:Lang.estabs.import_no_create ?></p>
<?cs /if ?>
</section>
</div></div>
<?cs call:page_close() ?>
