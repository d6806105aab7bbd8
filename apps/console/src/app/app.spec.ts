import { TestBed } from '@angular/core/testing';
import { App } from './app';

describe('App', () => {
  it('creates', () => {
    const fixture = TestBed.createComponent(App);
    expect(fixture.componentInstance).toBeTruthy();
  });
});
