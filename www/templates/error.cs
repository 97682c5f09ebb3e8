<?cs include:"layout.cs" ?>
<?cs if:Error.status == 404 ?><?cs set:t = Lang.error.e404.title ?><?cs set:m = Lang.error.e404.text ?>
<?cs elif:Error.status == 503 ?><?cs set:t = Lang.error.e503.title ?><?cs set:m = Lang.error.e503.text ?>
<?cs elif:Error.status == 401 ?><?cs set:t = Lang.error.e401.title ?><?cs set:m = Lang.error.e401.text ?>
<?cs elif:Error.status == 403 ?><?cs set:t = Lang.error.e403.title ?><?cs set:m = Lang.error.e403.text ?>
<?cs elif:Error.status == 405 ?><?cs set:t = Lang.error.e405.title ?><?cs set:m = Lang.error.e405.text ?>
<?cs elif:Error.status == 414 ?><?cs set:t = Lang.error.e414.title ?><?cs set:m = Lang.error.e414.text ?>
<?cs elif:Error.status == 415 ?><?cs set:t = Lang.error.e415.title ?><?cs set:m = Lang.error.e415.text ?>
<?cs elif:Error.status == 429 ?><?cs set:t = Lang.error.e429.title ?><?cs set:m = Lang.error.e429.text ?>
<?cs elif:Error.status == 413 ?><?cs set:t = Lang.error.e413.title ?><?cs set:m = Lang.error.e413.text ?>
<?cs elif:Error.status >= 500 ?><?cs set:t = Lang.error.e500.title ?><?cs set:m = Lang.error.e500.text ?>
<?cs else ?><?cs set:t = Lang.error.e400.title ?><?cs set:m = Lang.error.e400.text ?>
<?cs /if ?>
<?cs call:page_open(t) ?>
<section class="card error-page" role="alert">
<p class="error-status"><?cs var:Error.status ?></p>
<h1><?cs var:t ?></h1>
<p><?cs var:m ?></p>
<?cs if:Error.field ?><p class="muted"><?cs var:Lang.error.field ?> <code><?cs var:Error.field ?></code></p><?cs /if ?>
<?cs if:!Page.bare ?><p><a class="button" href="/"><?cs var:Lang.error.home ?></a></p><?cs /if ?>
<p class="muted small"><?cs var:Lang.error.reference ?> <code><?cs var:Page.request_id ?></code></p>
</section>
<?cs call:page_close() ?>
