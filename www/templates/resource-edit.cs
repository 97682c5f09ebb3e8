<?cs include:"layout.cs" ?>
<?cs if:Page.new ?><?cs set:Page.heading = Lang.resources.new ?><?cs else ?><?cs set:Page.heading = Resource.title ?><?cs /if ?>
<?cs call:page_open(Page.heading) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.resources.title ?></a> › <span aria-current="page"><?cs var:Page.heading ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("resources") ?>
<div>
<h1><?cs var:Page.heading ?></h1>
<?cs if:!Page.new ?><p class="muted small"><?cs call:resource_status_badge(Resource.status) ?> v<?cs var:Resource.version ?><?cs if:Resource.status != "draft" ?> · <?cs var:Lang.resources.new_version_help ?><?cs /if ?></p><?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Page.action ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs call:enum_select("type", Lang.resources.type, Lang.enums.resource_type, Edit.type, "") ?>
<?cs call:text_field("title", Lang.resources.resource_title, Edit.title, "text", "off", 1) ?>
<div class="field<?cs if:Form.error.field == "body" ?> has-error<?cs /if ?>"><label for="f-body"><?cs var:Lang.resources.body ?></label>
<textarea id="f-body" name="body" rows="16" class="mono" aria-describedby="help-body<?cs if:Form.error.field == "body" ?> err-body<?cs /if ?>"<?cs if:Form.error.field == "body" ?> aria-invalid="true"<?cs /if ?>><?cs var:Edit.body ?></textarea>
<p class="muted small" id="help-body"><?cs var:Lang.resources.body_help ?></p>
<?cs call:field_error("body") ?></div>
<?cs if:Page.new ?><?cs call:enum_select("status", Lang.resources.status, Lang.resources.create_statuses, Edit.status, "") ?><?cs /if ?>
<?cs call:requirement_picker(Lang.resources.tags_legend, Lang.actions.no_frameworks) ?>
<p><button type="submit" class="button"><?cs if:Page.new ?><?cs var:Lang.resources.create ?><?cs else ?><?cs var:Lang.resources.save ?><?cs /if ?></button>
<a class="button secondary" href="<?cs if:Page.new ?><?cs var:Page.base ?><?cs else ?>/resources/<?cs var:Resource.id ?><?cs /if ?>"><?cs var:Lang.resources.cancel ?></a></p>
</form>
</div></div>
<?cs call:page_close() ?>
