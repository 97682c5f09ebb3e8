<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.estabs.dup_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <?cs if:Client.full ?><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a><?cs else ?><?cs var:Client.name ?><?cs /if ?> › <span aria-current="page"><?cs var:Lang.estabs.dup_title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("duplicates") ?>
<div>
<h1><?cs var:Lang.estabs.dup_title ?></h1>
<p class="lead"><?cs var:Lang.estabs.dup_lead ?></p>
<?cs call:error_summary() ?>
<?cs if:subcount(Groups) == 0 ?>
<div class="empty"><p><?cs var:Lang.estabs.dup_empty ?></p></div>
<?cs else ?>
<?cs each:g = Groups ?>
<section class="card dup-group" aria-labelledby="group-<?cs var:g.number ?>">
<h2 id="group-<?cs var:g.number ?>"><?cs var:Lang.estabs.group ?> <?cs var:g.number ?> · <?cs var:Lang.estabs.dup_reason[g.reason] ?></h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"><?cs var:Lang.fields.name ?></th><?cs if:Page.read ?><th scope="col"><?cs var:Lang.fields.siret ?></th><th scope="col"><?cs var:Lang.fields.postcode ?></th><th scope="col"><?cs var:Lang.fields.city ?></th><?cs /if ?><th scope="col"><?cs var:Lang.estabs.status ?></th><th scope="col"><?cs var:Lang.estabs.merge ?></th></tr></thead>
<tbody><?cs each:m = g.items ?><tr>
<td><a href="/establishments/<?cs var:m.id ?>"><?cs var:m.name ?></a></td>
<?cs if:Page.read ?><td><?cs var:m.siret ?></td><td><?cs var:m.postcode ?></td><td><?cs var:m.city ?></td><?cs /if ?>
<td><?cs call:estab_status_badge(m.status) ?></td>
<td><form method="post" action="/establishments/<?cs var:m.id ?>/merge" class="merge-form"><?cs call:csrf() ?>
<label for="into-<?cs var:m.id ?>"><?cs var:Lang.estabs.merge_into ?></label>
<select id="into-<?cs var:m.id ?>" name="into"><?cs each:o = g.items ?><?cs if:o.id != m.id ?><option value="<?cs var:o.id ?>"><?cs var:o.name ?><?cs if:o.postcode != "" ?> (<?cs var:o.postcode ?>)<?cs /if ?></option><?cs /if ?><?cs /each ?></select>
<button type="submit" class="button secondary" data-confirm="<?cs var:Lang.estabs.merge_confirm ?>"><?cs var:Lang.estabs.merge ?></button></form></td>
</tr><?cs /each ?></tbody></table></div>
</section>
<?cs /each ?>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
<section class="card" aria-labelledby="removed-title" id="removed"><h2 id="removed-title"><?cs var:Lang.estabs.removed_title ?></h2>
<?cs if:subcount(Removed) == 0 ?><p class="muted"><?cs var:Lang.estabs.removed_empty ?></p>
<?cs else ?><div class="table-wrap"><table>
<thead><tr><th scope="col"><?cs var:Lang.fields.name ?></th><th scope="col"><?cs var:Lang.estabs.removed_into ?></th><th scope="col"><?cs var:Lang.estabs.removed_at ?></th></tr></thead>
<tbody><?cs each:r = Removed ?><tr>
<td><a href="/establishments/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td><?cs if:r.into_name != "" ?><a href="/establishments/<?cs var:r.into ?>"><?cs var:r.into_name ?></a><?cs else ?>#<?cs var:r.into ?><?cs /if ?></td>
<td><time datetime="<?cs var:r.at ?>"><?cs var:string.slice(r.at, 0, 10) ?></time></td>
</tr><?cs /each ?></tbody></table></div><?cs /if ?>
</section>
</div></div>
<?cs call:page_close() ?>
