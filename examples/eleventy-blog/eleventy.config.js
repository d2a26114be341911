// Eleventy's configuration: posts in posts/, layouts in _includes/, images copied as they are,
// and heading ids from markdown-it-anchor with Eleventy's own slugify filter.
const markdownItAnchor = require('markdown-it-anchor');

module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy('images');
  eleventyConfig.amendLibrary('md', (md) => md.use(markdownItAnchor, { slugify: eleventyConfig.getFilter('slugify') }));
  return { dir: { input: '.', includes: '_includes', output: '_site' } };
};
