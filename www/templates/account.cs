<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.account.title) ?>
<h1><?cs var:Lang.account.title ?></h1>
<?cs call:error_summary() ?>
<?cs if:Nav.mfa_required ?><div class="notice" role="alert"><p><?cs var:Lang.mfa.required ?> <a href="/account/mfa"><?cs var:Lang.mfa.setup ?></a></p></div><?cs /if ?>
<?cs if:Account.self ?>
<section class="card" aria-labelledby="profile-title">
<h2 id="profile-title"><?cs var:Lang.account.profile ?></h2>
<form method="post" action="/account" novalidate>
<?cs call:csrf() ?>
<?cs call:text_field("first_name", Lang.users.first_name, Account.first_name, "text", "given-name", 0) ?>
<?cs call:text_field("last_name", Lang.users.last_name, Account.last_name, "text", "family-name", 0) ?>
<?cs call:text_field("email", Lang.users.email, Account.email, "email", "email", 0) ?>
<div class="field"><label for="f-lang"><?cs var:Lang.account.lang ?></label>
<select id="f-lang" name="lang"><option value="fr"<?cs if:Account.lang == "fr" ?> selected<?cs /if ?>>Français</option><option value="en"<?cs if:Account.lang == "en" ?> selected<?cs /if ?>>English</option></select></div>
<div class="field"><label for="f-profile-current"><?cs var:Lang.account.current_password ?></label>
<input id="f-profile-current" name="current_password" type="password" autocomplete="current-password" aria-describedby="help-profile-current">
<p class="muted small" id="help-profile-current"><?cs var:Lang.account.current_help ?></p></div>
<p><button type="submit" class="button"><?cs var:Lang.account.save ?></button></p>
</form>
</section>
<section class="card" aria-labelledby="password-title">
<h2 id="password-title"><?cs var:Lang.account.password ?></h2>
<form method="post" action="/account" novalidate>
<?cs call:csrf() ?>
<?cs call:text_field("current_password", Lang.account.current_password, "", "password", "current-password", 1) ?>
<?cs call:text_field("password", Lang.account.new_password, "", "password", "new-password", 1) ?>
<p class="muted small"><?cs var:Lang.account.password_help ?></p>
<p><button type="submit" class="button"><?cs var:Lang.account.change_password ?></button></p>
</form>
</section>
<?cs else ?>
<section class="card"><p><?cs var:Lang.account.no_self ?></p><p><?cs var:User.email ?></p></section>
<?cs /if ?>
<section class="card" aria-labelledby="mfa-title">
<h2 id="mfa-title"><?cs var:Lang.mfa.title ?></h2>
<p><?cs if:Account.mfa == "1" ?><?cs call:status_badge(1, Lang.mfa.on) ?><?cs else ?><?cs call:status_badge(0, Lang.mfa.off) ?> <a href="/account/mfa"><?cs var:Lang.mfa.setup ?></a><?cs /if ?></p>
</section>
<section class="card" aria-labelledby="sessions-title">
<h2 id="sessions-title"><?cs var:Lang.sessions.title ?></h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"><?cs var:Lang.sessions.device ?></th><th scope="col"><?cs var:Lang.sessions.address ?></th><th scope="col"><?cs var:Lang.sessions.started ?></th><th scope="col"><?cs var:Lang.sessions.seen ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.sessions.actions ?></span></th></tr></thead>
<tbody>
<?cs each:s = Sessions ?><tr>
<td><?cs if:s.agent ?><?cs var:s.agent ?><?cs else ?>—<?cs /if ?></td><td><?cs var:s.ip ?></td><td><?cs var:s.created ?></td><td><?cs var:s.seen ?></td>
<td><?cs if:s.current ?><?cs var:Lang.sessions.current ?><?cs else ?><form method="post" action="/account/sessions/<?cs var:s.id ?>/revoke" class="inline"><?cs call:csrf() ?><button type="submit" class="link-button"><?cs var:Lang.sessions.revoke ?></button></form><?cs /if ?></td>
</tr><?cs /each ?>
</tbody></table></div>
</section>
<?cs call:page_close() ?>
