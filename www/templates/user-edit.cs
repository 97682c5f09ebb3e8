<?cs include:"layout.cs" ?>
<?cs if:Edit.new ?><?cs set:title = Lang.users.new ?><?cs else ?><?cs set:title = Lang.users.edit ?><?cs /if ?>
<?cs call:page_open(title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/users"><?cs var:Lang.users.title ?></a> › <span aria-current="page"><?cs var:title ?></span></nav>
<h1><?cs var:title ?></h1>
<?cs call:error_summary() ?>
<?cs if:Edit.new || Edit.manage ?>
<form method="post" action="<?cs if:Edit.new ?>/users<?cs else ?>/users/<?cs var:Edit.id ?><?cs /if ?>" novalidate class="card">
<?cs call:csrf() ?>
<?cs call:text_field("first_name", Lang.users.first_name, Edit.first_name, "text", "off", 1) ?>
<?cs call:text_field("last_name", Lang.users.last_name, Edit.last_name, "text", "off", 1) ?>
<?cs call:text_field("email", Lang.users.email, Edit.email, "email", "off", 1) ?>
<fieldset class="field<?cs if:Form.error.field == "role" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.users.role ?></legend>
<?cs each:r = Choices.roles ?><label class="choice"><input type="radio" name="role" value="<?cs name:r ?>"<?cs if:r == "checked" || Edit.role == name(r) ?> checked<?cs /if ?>> <?cs var:Lang.roles[name(r)] ?></label><?cs /each ?>
<?cs call:field_error("role") ?></fieldset>
<fieldset class="field<?cs if:Form.error.field == "features" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.users.features ?></legend>
<input type="hidden" name="features_present" value="1">
<?cs each:f = Choices.features ?><label class="choice"><input type="checkbox" name="features" value="<?cs var:f.key ?>"<?cs if:f.on == "1" ?> checked<?cs /if ?>> <?cs var:Lang.features[f.key] ?></label><?cs /each ?>
<?cs call:field_error("features") ?></fieldset>
<fieldset class="field<?cs if:Form.error.field == "profile_fields" ?> has-error<?cs /if ?>"><legend><?cs var:Lang.users.profile_fields ?></legend>
<input type="hidden" name="profile_fields_present" value="1">
<?cs each:f = Choices.fields ?><label class="choice"><input type="checkbox" name="profile_fields" value="<?cs var:f.key ?>"<?cs if:f.on == "1" ?> checked<?cs /if ?>> <?cs var:Lang.fields[f.key] ?></label><?cs /each ?>
<?cs call:field_error("profile_fields") ?></fieldset>
<?cs if:Assign.clients_on ?><fieldset class="field<?cs if:Form.error.field == "client_ids" ?> has-error<?cs /if ?>" id="assign-clients"><legend><?cs var:Lang.users.assign_clients ?></legend>
<input type="hidden" name="client_ids_present" value="1">
<input type="hidden" name="client_ids_offered" value="<?cs var:Assign.clients_offered ?>">
<p class="muted small"><?cs var:Lang.users.assign_clients_help ?></p>
<?cs each:c = Assign.clients ?><label class="choice"><input type="checkbox" name="client_ids" value="<?cs var:c.id ?>"<?cs if:c.on ?> checked<?cs /if ?>> <?cs var:c.name ?></label><?cs /each ?>
<?cs if:subcount(Assign.clients) == 0 ?><p class="muted"><?cs var:Lang.users.assign_clients_none ?></p><?cs /if ?>
<?cs if:Assign.clients_capped ?><p class="small" id="assign-clients-capped"><?cs var:Lang.users.assign_clients_capped ?></p><?cs /if ?>
<?cs call:field_error("client_ids") ?></fieldset><?cs /if ?>
<?cs if:Assign.estabs_on ?><fieldset class="field<?cs if:Form.error.field == "establishment_ids" ?> has-error<?cs /if ?>" id="assign-estabs"><legend><?cs var:Lang.users.assign_estabs ?></legend>
<input type="hidden" name="establishment_ids_present" value="1">
<input type="hidden" name="establishment_ids_offered" value="<?cs var:Assign.estabs_offered ?>">
<p class="muted small"><?cs var:Lang.users.assign_estabs_help ?></p>
<?cs each:g = Assign.groups ?><fieldset class="assign-group"><legend><?cs var:g.name ?></legend>
<?cs each:e = g.items ?><label class="choice"><input type="checkbox" name="establishment_ids" value="<?cs var:e.id ?>"<?cs if:e.on ?> checked<?cs /if ?>> <?cs var:e.name ?></label><?cs /each ?></fieldset>
<?cs /each ?>
<?cs if:subcount(Assign.groups) == 0 ?><p class="muted"><?cs var:Lang.users.assign_estabs_none ?></p><?cs /if ?>
<?cs if:Assign.capped ?><p class="small"><?cs var:Lang.users.assign_capped ?></p><?cs /if ?>
<?cs call:field_error("establishment_ids") ?></fieldset><?cs /if ?>
<?cs if:Edit.new ?>
<?cs call:text_field("password", Lang.users.password, "", "password", "new-password", 1) ?>
<p class="muted small"><?cs var:Lang.account.password_help ?></p>
<?cs else ?>
<div class="field"><input type="hidden" name="active" value="0"><label class="choice"><input type="checkbox" name="active" value="1"<?cs if:Edit.active == "1" ?> checked<?cs /if ?>> <?cs var:Lang.users.active ?></label></div>
<?cs /if ?>
<p class="muted small"><?cs var:Lang.users.separate_accounts ?></p>
<p><button type="submit" class="button"><?cs if:Edit.new ?><?cs var:Lang.users.create ?><?cs else ?><?cs var:Lang.account.save ?><?cs /if ?></button></p>
</form>
<?cs if:Edit.manage ?>
<form method="post" action="/users/<?cs var:Edit.id ?>/sessions/end" class="card">
<?cs call:csrf() ?><p><?cs var:Lang.users.end_sessions_text ?></p>
<button type="submit" class="button secondary" data-confirm="<?cs var:Lang.users.end_sessions_confirm ?>"><?cs var:Lang.users.end_sessions ?></button>
</form>
<?cs /if ?>
<?cs else ?>
<section class="card"><dl>
<dt><?cs var:Lang.users.email ?></dt><dd><?cs var:Edit.email ?></dd>
<dt><?cs var:Lang.users.role ?></dt><dd><?cs var:Lang.roles[Edit.role] ?></dd>
</dl><?cs if:Edit.self ?><p><a href="/account"><?cs var:Lang.account.title ?></a></p><?cs /if ?></section>
<?cs /if ?>
<?cs call:page_close() ?>
