<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.usage.links_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/usage"><?cs var:Lang.usage.title ?></a> › <span aria-current="page"><?cs var:Lang.usage.links_title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("usage") ?>
<div>
<h1><?cs var:Lang.usage.title ?></h1>
<?cs call:usage_tabs("links") ?>
<p class="lead"><?cs var:Lang.usage.links_lead ?></p>
<?cs if:Created.url ?><section class="card notice" id="link-created" aria-labelledby="link-created-title"><h2 id="link-created-title"><?cs var:Lang.usage.link_created_title ?></h2>
<p><?cs var:Lang.usage.link_created_help ?></p>
<p class="setup-link"><code id="created-url"><?cs var:Created.url ?></code></p>
<p class="small"><?cs var:Created.establishment_name ?> · <?cs var:Lang.usage.link_expires_on ?> <time datetime="<?cs var:Created.expires_on ?>"><?cs var:Created.expires_on ?></time> · <?cs var:Lang.usage.link_max ?> <?cs var:Created.max_answers ?></p>
</section><?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:subcount(Links) == 0 ?><div class="empty"><p><?cs var:Lang.usage.links_empty ?></p></div>
<?cs else ?><div class="table-wrap"><table id="links-table"><caption class="visually-hidden"><?cs var:Lang.usage.links_title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.usage.link_estab ?></th><th scope="col"><?cs var:Lang.usage.link_status ?></th><th scope="col" class="num"><?cs var:Lang.usage.link_answers ?></th><th scope="col"><?cs var:Lang.usage.link_expires_on ?></th><th scope="col"><?cs var:Lang.usage.link_created ?></th><th scope="col"><?cs var:Lang.usage.link_actions ?></th></tr></thead>
<tbody><?cs each:l = Links ?><tr id="link-<?cs var:l.id ?>">
<td><a href="/establishments/<?cs var:l.establishment_id ?>"><?cs var:l.establishment_name ?></a><?cs if:l.label ?><br><span class="small muted"><?cs var:l.label ?></span><?cs /if ?></td>
<td><span class="badge <?cs if:l.status == "active" ?>badge-ok<?cs elif:l.status == "revoked" ?>badge-bad<?cs else ?>badge-warn<?cs /if ?>"><?cs var:Lang.enums.usage_link_status[l.status] ?></span></td>
<td class="num"><?cs var:l.answers_count ?> / <?cs var:l.max_answers ?></td>
<td><time datetime="<?cs var:l.expires_on ?>"><?cs var:l.expires_on ?></time></td>
<td><time datetime="<?cs var:l.created_at ?>"><?cs var:string.slice(l.created_at, 0, 10) ?></time><?cs if:l.created_by_name ?><br><span class="small muted"><?cs var:l.created_by_name ?></span><?cs /if ?></td>
<td><?cs if:l.status != "revoked" ?><form method="post" action="/clients/<?cs var:Client.id ?>/usage/links/<?cs var:l.id ?>/revoke" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary" data-confirm="<?cs var:Lang.usage.link_revoke_confirm ?>"><?cs var:Lang.usage.link_revoke ?></button></form><?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div>
<?cs call:pager(Page.base) ?><?cs /if ?>
<section class="card" id="new-link" aria-labelledby="new-link-title"><h2 id="new-link-title"><?cs var:Lang.usage.link_new ?></h2>
<?cs if:Usage.questions == 0 ?><p class="notice"><?cs var:Lang.usage.link_no_questions ?> <a href="/clients/<?cs var:Client.id ?>/usage"><?cs var:Lang.usage.back ?></a></p>
<?cs elif:subcount(Estabs) == 0 ?><p class="notice"><?cs var:Lang.usage.link_no_estabs ?></p>
<?cs else ?><form method="post" action="/clients/<?cs var:Client.id ?>/usage/links" novalidate id="link-form">
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "establishment_id" ?> has-error<?cs /if ?>"><label for="f-establishment_id"><?cs var:Lang.usage.link_estab ?></label>
<select id="f-establishment_id" name="establishment_id" required><option value=""><?cs var:Lang.usage.choose ?></option><?cs each:e = Estabs ?><option value="<?cs var:e.id ?>"<?cs if:Form.establishment_id == e.id ?> selected<?cs /if ?>><?cs var:e.name ?></option><?cs /each ?></select>
<?cs call:field_error("establishment_id") ?></div>
<div class="form-row">
<div class="field<?cs if:Form.error.field == "expires_on" ?> has-error<?cs /if ?>"><label for="f-expires_on"><?cs var:Lang.usage.link_expires ?></label>
<input id="f-expires_on" name="expires_on" type="date" value="<?cs var:Form.expires_on ?>" aria-describedby="help-expires_on">
<p class="small muted" id="help-expires_on"><?cs var:Lang.usage.link_expires_help ?></p>
<?cs call:field_error("expires_on") ?></div>
<div class="field<?cs if:Form.error.field == "max_answers" ?> has-error<?cs /if ?>"><label for="f-max_answers"><?cs var:Lang.usage.link_max ?></label>
<input id="f-max_answers" name="max_answers" type="number" min="1" value="<?cs var:Form.max_answers ?>" placeholder="<?cs var:Usage.default_answers ?>" aria-describedby="help-max_answers">
<p class="small muted" id="help-max_answers"><?cs var:Lang.usage.link_max_help ?></p>
<?cs call:field_error("max_answers") ?></div>
</div>
<?cs call:text_field("label", Lang.usage.link_label, Form.label, "text", "off", 0) ?>
<p><button type="submit" class="button"><?cs var:Lang.usage.link_create ?></button></p>
</form><?cs /if ?>
</section>
</div></div>
<?cs call:page_close() ?>
