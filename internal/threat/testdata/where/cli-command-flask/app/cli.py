import os

import click
from flask import Blueprint, request

bp = Blueprint('tools', __name__, cli_group=None)


@bp.cli.group()
def archive():
    """Archive maintenance."""


@archive.command()
@click.argument('name')
def pack(name):
    """Packs one archive: run by an operator from a shell."""
    if os.system('tar czf archives/' + name + '.tgz media/' + name):
        raise RuntimeError('pack failed')


@bp.route('/archive/check')
def check():
    # The same call in a route handler: request data reaches the shell.
    name = request.args.get('name', '')
    os.system('tar tzf archives/' + name + '.tgz')
    return 'checked'
