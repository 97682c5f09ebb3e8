<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.scan.targets) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="/clients/<?cs var:Client.id ?>/scans"><?cs var:Lang.scan.title ?></a> › <span aria-current="page"><?cs var:Lang.scan.targets ?> · <?cs var:Estab.name ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("scans") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.scan.targets ?> · <?cs var:Estab.name ?></h1>
<p class="actions"><a class="button secondary" href="/establishments/<?cs var:Estab.id ?>"><?cs var:Lang.scan.estab_page ?></a> <a class="button secondary" href="/clients/<?cs var:Client.id ?>/scans?establishment_id=<?cs var:Estab.id ?>"><?cs var:Lang.scan.estab_scans ?></a></p></div>
<p class="lead"><?cs var:Lang.scan.targets_lead ?></p>
<?cs call:error_summary() ?>
<section class="card" aria-labelledby="targets-title"><h2 id="targets-title"><?cs var:Lang.scan.targets ?> (<?cs var:Page.targets ?>)</h2>
<?cs if:subcount(Targets) == 0 ?><div class="empty"><p><?cs var:Lang.scan.targets_empty ?></p></div>
<?cs else ?><div class="table-wrap"><table id="targets-table">
<caption class="visually-hidden"><?cs var:Lang.scan.targets ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.scan.target_value ?></th><th scope="col"><?cs var:Lang.scan.target_kind ?></th><th scope="col"><?cs var:Lang.scan.target_label ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.scan.remove ?></span></th></tr></thead>
<tbody><?cs each:t = Targets ?><tr>
<td><code><?cs var:t.value ?></code></td><td><?cs var:Lang.enums.scan_target_kind[t.kind] ?></td><td><?cs if:t.label ?><?cs var:t.label ?><?cs else ?>—<?cs /if ?></td>
<td><form method="post" action="/scan-targets/<?cs var:t.id ?>/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary" data-confirm="<?cs var:Lang.scan.remove_confirm ?>" aria-label="<?cs var:Lang.scan.remove ?> <?cs var:t.value ?>"><?cs var:Lang.scan.remove ?></button></form></td>
</tr><?cs /each ?></tbody></table></div><?cs /if ?>
</section>
<section class="card" aria-labelledby="add-title"><h2 id="add-title"><?cs var:Lang.scan.add_target ?></h2>
<p class="small muted"><?cs var:Lang.scan.target_help ?></p>
<form method="post" action="/establishments/<?cs var:Estab.id ?>/scan-targets" novalidate id="target-form">
<?cs call:csrf() ?>
<?cs call:text_field("value", Lang.scan.target_value, Form.value, "text", "off", 1) ?>
<?cs call:text_field("label", Lang.scan.target_label, Form.label, "text", "off", 0) ?>
<p><button type="submit" class="button"><?cs var:Lang.scan.add_target ?></button></p>
</form>
</section>
</div></div>
<?cs call:page_close() ?>
