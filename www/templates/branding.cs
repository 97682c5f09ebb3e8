<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.brand.title) ?>
<h1><?cs var:Lang.brand.title ?></h1>
<p class="lead"><?cs var:Lang.brand.lead ?></p>
<?cs call:error_summary() ?>
<form method="post" action="/branding" class="card" novalidate>
<h2><?cs var:Lang.brand.accent_title ?></h2>
<?cs call:csrf() ?>
<?cs call:text_field("accent_color", Lang.brand.accent, Edit.accent_color, "color", "off", 0) ?>
<p class="muted small"><?cs var:Lang.brand.accent_help ?></p>
<p><button type="submit" class="button"><?cs var:Lang.brand.save ?></button></p>
</form>
<section class="card"><h2><?cs var:Lang.brand.firm_logo ?></h2>
<?cs if:Brand.firm_logo ?><p><img class="brand-logo" src="/branding/logo" alt="<?cs var:Lang.brand.firm_logo ?>"></p>
<form method="post" action="/branding/logo/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary"><?cs var:Lang.brand.delete_logo ?></button></form>
<?cs else ?><p class="muted"><?cs var:Lang.brand.no_logo ?></p><?cs /if ?>
<form method="post" action="/branding/logo" enctype="multipart/form-data" novalidate>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "logo" ?> has-error<?cs /if ?>"><label for="f-logo"><?cs var:Lang.brand.logo_file ?></label>
<input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg"<?cs if:Form.error.field == "logo" ?> aria-invalid="true" aria-describedby="err-logo"<?cs /if ?>>
<?cs call:field_error("logo") ?></div>
<p class="muted small"><?cs var:Lang.brand.logo_help ?></p>
<p><button type="submit" class="button"><?cs var:Lang.brand.upload ?></button></p>
</form></section>
<?cs call:page_close() ?>
