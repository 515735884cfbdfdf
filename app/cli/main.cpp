#include <cstdio>

int main()
{
    std::fputs("quantcut-cli: under construction\n", stderr);
    return 2;
}
