<?cs include:"layout.cs" ?>
<?cs call:page_open(Pub.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <?cs if:Client.full ?><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a><?cs else ?><?cs var:Client.name ?><?cs /if ?> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.estabs.title ?></a> › <a href="/establishments/<?cs var:Estab.id ?>#publications"><?cs var:Estab.name ?></a> › <span aria-current="page"><?cs var:Pub.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("establishments") ?>
<div>
<h1><?cs var:Pub.title ?></h1>
<p class="muted"><?cs var:Lang.enums.resource_type[Pub.type] ?> · <?cs var:Lang.resources.version ?> <?cs var:Pub.version ?> · <?cs var:Lang.publications.published_on ?> <time datetime="<?cs var:Pub.published_at ?>"><?cs var:string.slice(Pub.published_at, 0, 10) ?></time> · <?cs var:Lang.publications.for ?> <?cs var:Pub.establishment_name ?></p>
<article class="card markdown" id="publication-body" aria-label="<?cs var:Lang.resources.body ?>">
<?cs if:Body.html ?><?cs uvar:Body.html ?><?cs else ?><p class="muted"><?cs var:Lang.resources.empty_body ?></p><?cs /if ?>
</article>
<p class="small muted"><?cs var:Lang.publications.read_only ?></p>
</div></div>
<?cs call:page_close() ?>
