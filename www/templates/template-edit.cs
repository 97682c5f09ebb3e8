<?cs include:"layout.cs" ?>
<?cs if:Page.new ?><?cs set:Page.heading = Lang.library.new ?><?cs else ?><?cs set:Page.heading = Template.title ?><?cs /if ?>
<?cs call:page_open(Page.heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/templates"><?cs var:Lang.library.title ?></a> › <?cs if:!Page.new ?><a href="/templates/<?cs var:Template.id ?>"><?cs var:Template.title ?></a> › <span aria-current="page"><?cs var:Lang.library.edit ?></span><?cs else ?><span aria-current="page"><?cs var:Page.heading ?></span><?cs /if ?></nav>
<h1><?cs var:Page.heading ?></h1>
<?cs if:Page.new ?><p class="lead"><?cs var:Lang.library.new_lead ?></p><?cs else ?><p class="notice" id="version-help"><?cs var:Lang.library.version ?> <?cs var:Template.version ?> · <?cs var:Lang.library.edit_help ?> (<?cs var:Lang.library.version ?> <?cs var:Page.next_version ?>). <?cs var:Lang.library.edit_copies ?></p><?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Page.action ?>" class="card" id="template-form" novalidate>
<?cs call:csrf() ?>
<?cs call:enum_radios("type", Lang.library.type, Lang.enums.resource_type, Edit.type) ?>
<?cs call:text_field("title", Lang.library.template_title, Edit.title, "text", "off", 1) ?>
<div class="field<?cs if:Form.error.field == "body" ?> has-error<?cs /if ?>"><label for="f-body"><?cs var:Lang.library.body ?></label>
<textarea id="f-body" name="body" rows="16" class="mono" aria-describedby="help-body<?cs if:Form.error.field == "body" ?> err-body<?cs /if ?>"<?cs if:Form.error.field == "body" ?> aria-invalid="true"<?cs /if ?>><?cs var:Edit.body ?></textarea>
<p class="muted small" id="help-body"><?cs var:Lang.resources.body_help ?> <?cs var:Lang.library.variables_help ?></p>
<?cs call:field_error("body") ?></div>
<?cs call:requirement_picker(Lang.library.tags_legend, Lang.library.no_frameworks) ?>
<p class="small muted"><?cs var:Lang.library.tags_pick_help ?></p>
<p><button type="submit" class="button"><?cs if:Page.new ?><?cs var:Lang.library.create ?><?cs else ?><?cs var:Lang.library.save ?><?cs /if ?></button>
<a class="button secondary" href="<?cs if:Page.new ?>/templates<?cs else ?>/templates/<?cs var:Template.id ?><?cs /if ?>"><?cs var:Lang.library.cancel ?></a></p>
</form>
<?cs call:page_close() ?>
