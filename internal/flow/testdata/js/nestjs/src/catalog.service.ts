import { Injectable } from '@nestjs/common';
import { DOMParser } from 'xmldom';

const xpath = require('xpath');

const CATALOG = '<catalog><item><name>pen</name><owner>ann</owner></item></catalog>';

@Injectable()
export class CatalogService {
  private select(expression: string): unknown {
    const doc = new DOMParser().parseFromString(CATALOG);
    return xpath.select(expression, doc); // want: xpath-injection via=query
  }

  byExpression(expression: string) {
    return this.select(expression);
  }

  byName(name: string) {
    const doc = new DOMParser().parseFromString(CATALOG);
    return xpath.select(`//item[name/text()='${name}']/*`, doc); // want: xpath-injection via=body
  }

  // Lookalike: the request picks one of the code's own expressions.
  byField(field: string) {
    const expression = field === 'owner' ? '//item/owner' : '//item/name';
    return this.select(expression);
  }
}
