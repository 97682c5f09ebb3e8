<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.fwimport.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/frameworks"><?cs var:Lang.pilot.catalogue ?></a> › <span aria-current="page"><?cs var:Lang.fwimport.title ?></span></nav>
<h1><?cs var:Lang.fwimport.title ?></h1>
<p class="lead"><?cs var:Lang.fwimport.lead ?></p>
<?cs if:Form.error.code ?><div class="error-summary" role="alert" tabindex="-1" id="import-error">
<p><?cs if:Lang.errors[Form.error.code] ?><?cs var:Lang.errors[Form.error.code] ?><?cs else ?><?cs var:Lang.errors.invalid ?><?cs /if ?></p>
<?cs if:Form.error.line ?><p id="import-where"><?cs var:Lang.fwimport.at_line ?> <?cs var:Form.error.line ?><?cs if:Form.error.column ?>, <?cs var:Lang.fwimport.at_column ?> <code><?cs var:Form.error.column ?></code><?cs /if ?></p>
<?cs elif:Form.error.path ?><p id="import-where"><?cs var:Lang.fwimport.at_path ?> <code><?cs var:Form.error.path ?></code></p>
<?cs elif:Form.error.column ?><p id="import-where"><?cs var:Lang.fwimport.at_column ?> <code><?cs var:Form.error.column ?></code></p><?cs /if ?>
<?cs if:Form.error.detail ?><p class="small" lang="en"><?cs var:Form.error.detail ?></p><?cs /if ?>
<p class="small"><?cs var:Lang.fwimport.nothing ?></p>
</div><?cs /if ?>
<section class="card" aria-labelledby="format-title"><h2 id="format-title"><?cs var:Lang.fwimport.format_title ?></h2>
<ul class="small">
<li><?cs var:Lang.fwimport.format_json ?></li>
<li><?cs var:Lang.fwimport.format_csv ?> <code class="format-columns">ref,parent_ref,assessable,title_fr,title_en,summary_fr,summary_en</code></li>
<li><?cs var:Lang.fwimport.format_tree ?></li>
<li><?cs var:Lang.fwimport.format_limits ?></li>
<li><strong><?cs var:Lang.fwimport.format_all ?></strong></li>
</ul>
</section>
<form method="post" action="/frameworks/import" enctype="multipart/form-data" id="fw-import-form" class="card" novalidate>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "file" ?> has-error<?cs /if ?>"><label for="f-file"><?cs var:Lang.fwimport.file ?></label>
<input id="f-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required<?cs if:Form.error.field == "file" ?> aria-invalid="true" aria-describedby="err-file"<?cs /if ?>>
<?cs call:field_error("file") ?></div>
<fieldset class="field"><legend><?cs var:Lang.fwimport.csv_fields ?></legend>
<p class="small muted"><?cs var:Lang.fwimport.csv_fields_help ?></p>
<div class="form-row">
<?cs call:text_field("code", Lang.fwimport.fields.code, Form.code, "text", "off", 0) ?>
<?cs call:text_field("version", Lang.fwimport.fields.version, Form.version, "text", "off", 0) ?>
</div>
<?cs call:text_field("name_fr", Lang.fwimport.fields.name_fr, Form.name_fr, "text", "off", 0) ?>
<?cs call:text_field("name_en", Lang.fwimport.fields.name_en, Form.name_en, "text", "off", 0) ?>
<div class="form-row">
<?cs call:text_field("publisher", Lang.fwimport.fields.publisher, Form.publisher, "text", "organization", 0) ?>
<?cs call:text_field("licence", Lang.fwimport.fields.licence, Form.licence, "text", "off", 0) ?>
</div>
<?cs call:text_field("source_url", Lang.fwimport.fields.source_url, Form.source_url, "url", "url", 0) ?>
<div class="field<?cs if:Form.error.field == "summary_fr" ?> has-error<?cs /if ?>"><label for="f-summary_fr"><?cs var:Lang.fwimport.fields.summary_fr ?></label>
<textarea id="f-summary_fr" name="summary_fr" rows="3"<?cs if:Form.error.field == "summary_fr" ?> aria-invalid="true" aria-describedby="err-summary_fr"<?cs /if ?>><?cs var:Form.summary_fr ?></textarea>
<?cs call:field_error("summary_fr") ?></div>
<div class="field<?cs if:Form.error.field == "summary_en" ?> has-error<?cs /if ?>"><label for="f-summary_en"><?cs var:Lang.fwimport.fields.summary_en ?></label>
<textarea id="f-summary_en" name="summary_en" rows="3"<?cs if:Form.error.field == "summary_en" ?> aria-invalid="true" aria-describedby="err-summary_en"<?cs /if ?>><?cs var:Form.summary_en ?></textarea>
<?cs call:field_error("summary_en") ?></div>
</fieldset>
<p><button type="submit" class="button"><?cs var:Lang.fwimport.import ?></button></p>
</form>
<?cs call:page_close() ?>
