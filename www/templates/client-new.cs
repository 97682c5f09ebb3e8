<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.clients.wizard_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <span aria-current="page"><?cs var:Lang.clients.wizard_title ?></span></nav>
<h1><?cs var:Lang.clients.wizard_title ?></h1>
<p class="lead"><?cs var:Lang.clients.wizard_lead ?></p>
<?cs call:error_summary() ?>
<form method="post" action="/clients" novalidate>
<?cs call:csrf() ?>
<section class="card"><h2><?cs var:Lang.clients.wizard_step1 ?></h2>
<?cs call:text_field("name", Lang.clients.name, Edit.name, "text", "organization", 1) ?>
</section>
<section class="card"><h2><?cs var:Lang.clients.wizard_step2 ?></h2>
<?cs call:enum_radios("mission_type", Lang.clients.mission_type, Lang.enums.mission_type, Edit.mission_type) ?>
<?cs call:enum_radios("plan", Lang.clients.plan, Lang.enums.plan, Edit.plan) ?>
</section>
<section class="card"><h2><?cs var:Lang.clients.wizard_step3 ?></h2>
<?cs call:enum_radios("billing_mode", Lang.clients.billing_mode, Lang.enums.billing_mode, Edit.billing_mode) ?>
<?cs call:text_field("billing_email", Lang.clients.billing_email, Edit.billing_email, "email", "email", 0) ?>
<p class="muted small"><?cs var:Lang.clients.billing_email_help ?></p>
<p class="notice"><?cs var:Lang.clients.wizard_billing_note ?></p>
</section>
<section class="card"><h2><?cs var:Lang.clients.wizard_step4 ?></h2>
<fieldset class="field<?cs if:Form.error.field == "vciso_ids" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.clients.team ?></legend>
<input type="hidden" name="vciso_ids_present" value="1">
<p class="muted small"><?cs var:Lang.clients.team_help ?><?cs if:Team.creator_note ?> <?cs var:Lang.clients.team_creator ?><?cs /if ?></p>
<?cs each:t = Team.choices ?><label class="choice"><input type="checkbox" name="vciso_ids" value="<?cs var:t.id ?>"<?cs if:t.on ?> checked<?cs /if ?>> <?cs var:t.name ?> <?cs if:t.self ?><?cs var:Lang.clients.you ?><?cs else ?><span class="muted small">(<?cs var:Lang.roles[t.role] ?>)</span><?cs /if ?></label><?cs /each ?>
<?cs call:field_error("vciso_ids") ?></fieldset>
<?cs if:Team.more ?><p class="muted small" id="team-more"><?cs var:Lang.clients.team_more ?></p><?cs /if ?>
<fieldset class="field<?cs if:Form.error.field == "modules" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.clients.modules ?></legend>
<input type="hidden" name="modules_present" value="1">
<?cs each:m = Lang.enums.module ?><label class="choice"><input type="checkbox" name="modules" value="<?cs name:m ?>"<?cs if:Edit.modules[name(m)] ?> checked<?cs /if ?>> <?cs var:m ?></label><?cs /each ?>
<?cs call:field_error("modules") ?></fieldset>
</section>
<section class="card" id="wizard-templates"><h2><?cs var:Lang.clients.wizard_step5 ?></h2>
<?cs if:subcount(Templates) == 0 ?><p class="muted"><?cs var:Lang.library.wizard_empty ?> <a href="/templates"><?cs var:Lang.library.wizard_open ?></a></p>
<?cs else ?><fieldset class="field<?cs if:Form.error.field == "template_ids" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.library.wizard_legend ?></legend>
<p class="muted small"><?cs var:Lang.library.wizard_help ?> <a href="/templates"><?cs var:Lang.library.wizard_open ?></a></p>
<?cs call:template_choices() ?>
<?cs if:Page.templates_more ?><p class="muted small"><?cs var:Lang.library.templates_more ?></p><?cs /if ?>
<?cs call:field_error("template_ids") ?></fieldset><?cs /if ?>
</section>
<p><button type="submit" class="button"><?cs var:Lang.clients.create ?></button></p>
</form>
<?cs call:page_close() ?>
