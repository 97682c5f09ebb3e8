<?cs include:"layout.cs" ?>
<?cs call:page_open(Client.name) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/admin"><?cs var:Lang.admin.clients ?></a> › <span aria-current="page"><?cs var:Client.name ?></span></nav>
<div class="page-head"><h1><?cs var:Client.name ?></h1>
<p class="actions"><?cs call:plan_badge(Client.plan) ?> <?cs call:client_status_badge(Client.status) ?></p></div>
<section class="card"><h2><?cs var:Lang.admin.client ?></h2><dl>
<dt><?cs var:Lang.admin.firm ?></dt><dd><?cs var:Client.firm_name ?></dd>
<dt><?cs var:Lang.clients.mission_type ?></dt><dd><?cs var:Lang.enums.mission_type[Client.mission_type] ?></dd>
<dt><?cs var:Lang.clients.billing_mode ?></dt><dd><?cs var:Lang.enums.billing_mode[Client.billing_mode] ?></dd>
<dt><?cs var:Lang.clients.billing_email ?></dt><dd><?cs if:Client.billing_email ?><?cs var:Client.billing_email ?><?cs else ?>—<?cs /if ?></dd>
</dl></section>
<form method="post" action="/admin/clients/<?cs var:Client.id ?>/billing" class="card" novalidate>
<h2><?cs var:Lang.admin.change_billing ?></h2>
<?cs call:error_summary() ?>
<?cs call:csrf() ?>
<?cs if:Edit.posted ?><?cs set:mode = Edit.billing_mode ?><?cs set:email = Edit.billing_email ?><?cs else ?><?cs set:mode = Client.billing_mode ?><?cs set:email = Client.billing_email ?><?cs /if ?>
<?cs call:enum_radios("billing_mode", Lang.clients.billing_mode, Lang.enums.billing_mode, mode) ?>
<?cs call:text_field("billing_email", Lang.clients.billing_email, email, "email", "off", 0) ?>
<p class="muted small"><?cs var:Lang.clients.billing_email_help ?></p>
<div class="field<?cs if:Form.error.field == "reason" ?> has-error<?cs /if ?>"><label for="f-reason"><?cs var:Lang.admin.reason ?></label>
<textarea id="f-reason" name="reason" rows="3" required<?cs if:Form.error.field == "reason" ?> aria-invalid="true" aria-describedby="err-reason"<?cs /if ?>><?cs var:Edit.reason ?></textarea>
<?cs call:field_error("reason") ?></div>
<p class="muted small"><?cs var:Lang.admin.reason_help ?></p>
<p><button type="submit" class="button"><?cs var:Lang.admin.save_billing ?></button></p>
</form>
<section class="card"><h2><?cs var:Lang.admin.history ?></h2>
<?cs call:billing_history(Client.billing_history) ?></section>
<?cs call:page_close() ?>
