<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.library.deploy_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/templates"><?cs var:Lang.library.title ?></a> › <span aria-current="page"><?cs var:Lang.library.deploy_title ?></span></nav>
<h1><?cs var:Lang.library.deploy_title ?></h1>
<p class="lead"><?cs var:Lang.library.deploy_lead ?></p>
<?cs if:Form.error.code ?><div class="error-summary" role="alert" tabindex="-1"><p><?cs if:Form.error.code == "not_vciso" ?><?cs var:Lang.library.err_not_vciso ?><?cs elif:Form.error.code == "not_found" ?><?cs var:Lang.library.err_not_found ?><?cs else ?><?cs if:Lang.errors[Form.error.code] ?><?cs var:Lang.errors[Form.error.code] ?><?cs else ?><?cs var:Lang.errors.invalid ?><?cs /if ?><?cs /if ?></p>
<p><?cs var:Lang.library.nothing_deployed ?></p></div><?cs /if ?>
<?cs if:subcount(Templates) == 0 ?><div class="empty"><p><?cs var:Lang.library.empty ?></p>
<p><a class="button" href="/templates/new"><?cs var:Lang.library.new ?></a></p></div>
<?cs elif:subcount(Clients) == 0 ?><div class="empty"><p><?cs var:Lang.library.no_clients ?></p></div>
<?cs else ?>
<form method="post" action="/templates/deploy" id="deploy-form" class="deploy-form card" novalidate<?cs call:deploy_data() ?>>
<?cs call:csrf() ?>
<fieldset class="field<?cs if:Form.error.field == "template_ids" ?> has-error<?cs /if ?>" id="deploy-templates"><legend><?cs var:Lang.library.templates_legend ?></legend>
<?cs call:template_choices() ?>
<?cs if:Page.templates_more ?><p class="muted small"><?cs var:Lang.library.templates_more ?></p><?cs /if ?>
<?cs call:field_error("template_ids") ?></fieldset>
<?cs call:deploy_clients() ?>
<p class="small muted"><?cs var:Lang.library.deploy_help ?></p>
<p class="button-row"><button type="submit" class="button"><?cs var:Lang.library.deploy ?></button>
<a class="button secondary" href="/templates"><?cs var:Lang.library.cancel ?></a></p>
<?cs call:deploy_status() ?>
</form>
<?cs /if ?>
<?cs call:page_close() ?>
