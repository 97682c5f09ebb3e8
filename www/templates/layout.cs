<?cs # Base layout: every page includes this file and calls page_open/page_close.
   Page.bare (the public questionnaire, and its error pages): no navigation, no
   link into the application, no footer; the language switch only. ?>
<?cs include:"macros.cs" ?>
<?cs def:page_open(title) ?><!DOCTYPE html>
<html lang="<?cs var:Page.lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:title ?> · <?cs var:Lang.site.name ?></title>
<link rel="stylesheet" href="/static/rempart.css">
<?cs if:Brand.accent ?><link rel="stylesheet" href="/branding/accent.css"><?cs /if ?>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/rempart.js" defer></script>
</head>
<body data-layout="rempart">
<a class="skip-link" href="#main"><?cs var:Lang.site.skip ?></a>
<header class="topbar">
<?cs if:Page.bare ?><span class="brand"><?cs var:Lang.site.name ?></span>
<?cs else ?><a class="brand" href="/"><?cs var:Lang.site.name ?></a>
<?cs if:User.firm ?><span class="firm-name"><?cs var:User.firm ?></span><?cs /if ?>
<?cs if:User.email ?><nav class="user-nav" aria-label="<?cs var:Lang.nav.label ?>">
<?cs if:Nav.clients ?><a href="/clients"><?cs var:Lang.nav.clients ?></a> <a href="/portfolio" id="nav-portfolio"><?cs var:Lang.nav.portfolio ?></a> <a href="/frameworks"><?cs var:Lang.nav.frameworks ?></a><?cs /if ?>
<?cs if:Nav.library ?><a href="/templates" id="nav-library"><?cs var:Lang.nav.library ?></a><?cs /if ?>
<?cs if:Nav.admin ?><a href="/admin"><?cs var:Lang.nav.admin ?></a><?cs /if ?>
<?cs if:Nav.users ?><a href="/users"><?cs var:Lang.nav.users ?></a><?cs /if ?>
<?cs if:Nav.branding ?><a href="/branding"><?cs var:Lang.nav.branding ?></a><?cs /if ?>
<a href="/account"><?cs var:User.name ?></a>
<form method="post" action="/logout" class="inline"><?cs call:csrf() ?><button type="submit" class="link-button"><?cs var:Lang.nav.logout ?></button></form>
</nav><?cs else ?><nav class="user-nav" aria-label="<?cs var:Lang.nav.label ?>"><a href="/login"><?cs var:Lang.nav.login ?></a></nav><?cs /if ?><?cs /if ?>
<nav class="lang-switch" aria-label="<?cs var:Lang.site.language ?>">
<?cs if:Page.lang == "fr" ?><a href="<?cs var:Page.path ?>?lang=en" hreflang="en" lang="en">English</a><?cs else ?><a href="<?cs var:Page.path ?>?lang=fr" hreflang="fr" lang="fr">Français</a><?cs /if ?>
</nav>
</header>
<main id="main" tabindex="-1">
<?cs call:flash() ?>
<?cs /def ?>
<?cs def:page_close() ?>
</main>
<?cs if:!Page.bare ?><footer class="footer"><p><?cs var:Lang.site.tagline ?></p></footer><?cs /if ?>
</body>
</html>
<?cs /def ?>
